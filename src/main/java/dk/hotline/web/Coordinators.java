package dk.hotline.web;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinator sign-in: bcrypt passwords, bearer tokens stored only as SHA-256, and sign-in
 * attempts counted per e-mail across all instances (unknown addresses included, so probing for
 * accounts costs the same). An attempt is counted before its password is checked, so parallel
 * guesses cannot all get in ahead of the count; and only a few checks run at once, so a flood of
 * sign-ins cannot take the threads that answer calls.
 */
public final class Coordinators {
    private static final Logger log = LoggerFactory.getLogger(Coordinators.class);
    private static final int BCRYPT_COST = 12;
    /** bcrypt reads no more of a password than this; it refuses longer ones rather than cut them. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** Password checks at once: each takes a core for a quarter second, on purpose. */
    private static final int CHECKS_AT_ONCE = 2;
    private static final Duration CHECK_WAIT = Duration.ofMillis(200);
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);
    private static final String DEFAULT_ADMIN = "admin@hotline.local";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a sign-in attempt came to. */
    public sealed interface SignIn {
        record Token(String token, Instant expiresAt) implements SignIn {}

        record Refused() implements SignIn {}

        /** Too many failures for this address. */
        record Blocked(Duration retryAfter) implements SignIn {}

        /** Every password check is taken; nothing was counted. */
        record Busy(Duration retryAfter) implements SignIn {}
    }

    private final Jdbi jdbi;
    private final AuthSettings settings;
    private final Clock clock;
    private final Semaphore checks;
    /** Checked against when the e-mail is unknown, so both paths take the same bcrypt time. */
    private final String decoyHash;

    public Coordinators(Jdbi jdbi, AuthSettings settings, Clock clock) {
        this(jdbi, settings, clock, new Semaphore(CHECKS_AT_ONCE));
    }

    Coordinators(Jdbi jdbi, AuthSettings settings, Clock clock, Semaphore checks) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.checks = checks;
        this.decoyHash = hash(randomToken());
    }

    /**
     * On an empty database, creates the first coordinator; a generated password is logged once, by
     * the instance whose insert created the account (several may start together).
     */
    public void bootstrap(Optional<String> email, Optional<String> password) {
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(CoordinatorDao.class);
            if (dao.count() > 0) {
                return;
            }
            String address = email.orElse(DEFAULT_ADMIN);
            String secret = password.orElseGet(() -> randomToken().substring(0, 20));
            if (dao.create(address, hash(secret), clock.instant()).isEmpty()) {
                // Another instance created it first; its password is the one that works.
                return;
            }
            if (password.isPresent()) {
                log.info("event=coordinator.created email={}", address);
            } else {
                log.warn("event=coordinator.created email={} password={} note=\"generated once; set "
                        + "HOTLINE_ADMIN_PASSWORD to choose it\"", address, secret);
            }
        });
    }

    public SignIn signIn(String email, String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // No account can have such a password (bootstrap and config refuse them), and bcrypt would throw.
            return new SignIn.Refused();
        }
        if (!acquireCheck()) {
            log.warn("event=coordinator.login_busy");
            return new SignIn.Busy(BUSY_RETRY_AFTER);
        }
        try {
            return check(email, password);
        } finally {
            checks.release();
        }
    }

    private SignIn check(String email, String password) {
        byte[] emailHash = sha256(email.trim().toLowerCase(Locale.ROOT));
        // As PostgreSQL keeps it: it rounds nanoseconds, which would put a new row's time after "now".
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var counted = count(emailHash, now);
        if (!counted.admitted()) {
            return new SignIn.Blocked(Duration.between(now, counted.blockedUntil()));
        }
        var account = jdbi.withExtension(CoordinatorDao.class, dao -> dao.byEmail(email.trim()));
        boolean ok = BCrypt.verifyer()
                .verify(password.toCharArray(), account.map(CoordinatorDao.Account::passwordHash).orElse(decoyHash))
                .verified && account.isPresent();
        if (!ok) {
            log.warn("event=coordinator.login_failed failures={}", counted.failures());
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

    /** Whether an attempt may have its password checked, and the address's count with it. */
    private record Admission(boolean admitted, int failures, Instant blockedUntil) {}

    /**
     * Counts this attempt before its password is checked, under the address's row lock, so that
     * parallel guesses take their turn and no more than maxFailures of them get a check. A blocked
     * address is not counted further.
     */
    private Admission count(byte[] emailHash, Instant now) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(CoordinatorDao.class);
            var current = dao.lockThrottle(emailHash, now);
            if (current.blockedUntil().isAfter(now)) {
                return new Admission(false, current.failures(), current.blockedUntil());
            }
            var after = dao.countAttempt(emailHash, now, settings.maxFailures(), settings.lockout().toSeconds());
            return new Admission(true, after.failures(), after.blockedUntil());
        });
    }

    private boolean acquireCheck() {
        try {
            return checks.tryAcquire(CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
