package dk.hotline.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dk.hotline.app.HotlineConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinator sign-in: bcrypt passwords, bearer tokens stored only as SHA-256, and failed logins
 * slowed down per e-mail across all instances (unknown addresses included, so probing for
 * accounts costs the same).
 */
public final class Coordinators {
    private static final Logger log = LoggerFactory.getLogger(Coordinators.class);
    private static final int BCRYPT_COST = 12;
    private static final String DEFAULT_ADMIN = "admin@hotline.local";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a sign-in attempt came to. */
    public sealed interface SignIn {
        record Token(String token, Instant expiresAt) implements SignIn {}

        record Refused() implements SignIn {}

        record Blocked(Duration retryAfter) implements SignIn {}
    }

    private final Jdbi jdbi;
    private final HotlineConfig.Auth settings;
    private final Clock clock;
    /** Checked against when the e-mail is unknown, so both paths take the same bcrypt time. */
    private final String decoyHash;

    public Coordinators(Jdbi jdbi, HotlineConfig.Auth settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.decoyHash = hash(randomToken());
    }

    /** On an empty database, creates the first coordinator; a generated password is logged once. */
    public void bootstrap(Optional<String> email, Optional<String> password) {
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(CoordinatorDao.class);
            if (dao.count() > 0) {
                return;
            }
            String address = email.orElse(DEFAULT_ADMIN);
            String secret = password.orElseGet(() -> randomToken().substring(0, 20));
            dao.create(address, hash(secret), clock.instant());
            if (password.isPresent()) {
                log.info("event=coordinator.created email={}", address);
            } else {
                log.warn("event=coordinator.created email={} password={} note=\"generated once; set "
                        + "HOTLINE_ADMIN_PASSWORD to choose it\"", address, secret);
            }
        });
    }

    public SignIn signIn(String email, String password) {
        byte[] emailHash = sha256(email.trim().toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        var throttle = jdbi.withExtension(CoordinatorDao.class, dao -> dao.throttle(emailHash));
        if (throttle.isPresent() && throttle.get().blockedUntil().isAfter(now)) {
            return new SignIn.Blocked(Duration.between(now, throttle.get().blockedUntil()));
        }
        var account = jdbi.withExtension(CoordinatorDao.class, dao -> dao.byEmail(email.trim()));
        boolean ok = BCrypt.verifyer()
                .verify(password.toCharArray(), account.map(CoordinatorDao.Account::passwordHash).orElse(decoyHash))
                .verified && account.isPresent();
        if (!ok) {
            var after = jdbi.withExtension(CoordinatorDao.class, dao -> dao.recordFailure(emailHash, now,
                    settings.maxFailures(), settings.lockout().toSeconds()));
            log.warn("event=coordinator.login_failed failures={}", after.failures());
            return new SignIn.Refused();
        }
        String token = randomToken();
        Instant expires = now.plus(settings.tokenTtl());
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(CoordinatorDao.class);
            dao.clearFailures(emailHash);
            dao.deleteExpiredTokens(now);
            dao.storeToken(sha256(token), account.get().id(), now, expires);
        });
        log.info("event=coordinator.signed_in coordinator={}", account.get().id());
        return new SignIn.Token(token, expires);
    }

    /** The coordinator a bearer token belongs to, if it is known and not expired. */
    public Optional<Long> byToken(String token) {
        return jdbi.withExtension(CoordinatorDao.class, dao -> dao.tokenOwner(sha256(token), clock.instant()));
    }

    private static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
