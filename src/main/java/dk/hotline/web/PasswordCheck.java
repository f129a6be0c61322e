package dk.hotline.web;

import dk.hotline.privacy.Actor;
import dk.hotline.privacy.AuditLog;
import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in with e-mail and password, for the API and the console alike: bcrypt passwords, and
 * attempts counted per e-mail across all instances (unknown addresses included, so probing for
 * accounts costs the same). An attempt is counted before its password is checked, so parallel
 * guesses cannot all get in ahead of the count; and only a few checks run at once, so a flood of
 * sign-ins cannot take the threads that answer calls.
 */
public final class PasswordCheck {
    private static final Logger log = LoggerFactory.getLogger(PasswordCheck.class);
    private static final int BCRYPT_COST = 12;
    /** bcrypt reads no more of a password than this; it refuses longer ones rather than cut them. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** Password checks at once: each takes a core for a quarter second, on purpose. */
    private static final int CHECKS_AT_ONCE = 2;
    private static final Duration CHECK_WAIT = Duration.ofMillis(200);
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    /** What a sign-in attempt came to. */
    public sealed interface SignIn {
        record Verified(Principal principal) implements SignIn {}

        /** Wrong address or password, or an account that is switched off: the same answer for each. */
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
    /**
     * Checked against when the e-mail is unknown, so both paths take the same bcrypt time. Made on
     * another thread: a cost-12 hash is a second of a cold JVM's start-up, and nobody signs in
     * within it.
     */
    private final CompletableFuture<String> decoyHash;
    private final AuditLog audit;

    PasswordCheck(Jdbi jdbi, AuthSettings settings, Clock clock) {
        this(jdbi, settings, clock, new Semaphore(CHECKS_AT_ONCE));
    }

    PasswordCheck(Jdbi jdbi, AuthSettings settings, Clock clock, Semaphore checks) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.checks = checks;
        this.decoyHash = CompletableFuture.supplyAsync(() -> hash(Secrets.random()));
        this.audit = new AuditLog(clock);
    }

    public SignIn signIn(String email, String password) {
        return signIn(email, password, null);
    }

    /**
     * As {@link #signIn(String, String)}, from the client at {@code address}: a refused attempt
     * (wrong address or password, or an account switched off) is written to the audit log as
     * {@code signin.failed}, with no account as who and the account it named as subject, or, for
     * an address that has no account, a hash of it, never the typed address. A blocked or busy
     * attempt is not: those cost no password check, and writing each would let anyone fill the
     * log, which keeps its rows for years.
     */
    public SignIn signIn(String email, String password, String address) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // No account can have such a password (every way to set one refuses them), and bcrypt would throw.
            return new SignIn.Refused();
        }
        if (!acquireCheck()) {
            log.warn("event=account.login_busy");
            return new SignIn.Busy(BUSY_RETRY_AFTER);
        }
        try {
            return check(email, password, address);
        } finally {
            checks.release();
        }
    }

    private SignIn check(String email, String password, String address) {
        byte[] emailHash = Secrets.sha256(email.trim().toLowerCase(Locale.ROOT));
        // As PostgreSQL keeps it: it rounds nanoseconds, which would put a new row's time after "now".
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var counted = count(emailHash, now);
        if (!counted.admitted()) {
            return new SignIn.Blocked(Duration.between(now, counted.blockedUntil()));
        }
        Optional<AccountDao.Row> account = jdbi.withExtension(AccountDao.class, dao -> dao.byEmail(email.trim()));
        boolean ok = BCrypt.verifyer()
                .verify(password.toCharArray(), account.map(AccountDao.Row::passwordHash).orElseGet(decoyHash::join))
                .verified && account.isPresent() && account.get().active();
        if (!ok) {
            String subject = account.map(a -> "account:" + a.id())
                    .orElseGet(() -> "email:" + HexFormat.of().formatHex(emailHash).substring(0, 16));
            jdbi.useTransaction(tx -> audit.record(tx, Actor.nobody(address), "signin.failed", subject, Optional.empty()));
            log.warn("event=account.login_failed failures={}", counted.failures());
            return new SignIn.Refused();
        }
        jdbi.useExtension(AccountDao.class, dao -> dao.clearFailures(emailHash));
        log.info("event=account.signed_in account={}", account.get().id());
        return new SignIn.Verified(Accounts.principal(account.get()));
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
            var dao = tx.attach(AccountDao.class);
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

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    }
}
