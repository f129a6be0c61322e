package dk.hotline.web;

import dk.hotline.privacy.Actor;
import dk.hotline.privacy.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Bearer tokens for the JSON API, stored only as SHA-256; a token carries its account's role. */
public final class ApiTokens {
    public record Token(String token, Instant expiresAt) {}

    private final Jdbi jdbi;
    private final AuthSettings settings;
    private final Clock clock;
    private final AuditLog audit;

    ApiTokens(Jdbi jdbi, AuthSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    /** A new token, and the sign-in through the API ({@code signin.api}, from {@code address}) in the audit log with it. */
    Token issue(Principal principal, String address) {
        // As PostgreSQL keeps it: it rounds nanoseconds, which would put a new row's time after "now".
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String token = Secrets.random();
        Instant expires = now.plus(settings.tokenTtl());
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            dao.deleteExpiredTokens(now);
            dao.storeToken(Secrets.sha256(token), principal.accountId(), now, expires);
            audit.record(tx, Actor.account(principal.accountId(), address), "signin.api", "account:" + principal.accountId(),
                    java.util.Optional.empty());
        });
        return new Token(token, expires);
    }

    /** Signing out of the API: the token stops working at once. */
    void revoke(String token) {
        jdbi.useExtension(AccountDao.class, dao -> dao.deleteToken(Secrets.sha256(token)));
    }

    /** Whose token this is, if it is known, not expired, and its account is active. */
    Optional<Principal> owner(String token) {
        return jdbi.withExtension(AccountDao.class, dao -> dao.tokenOwner(Secrets.sha256(token), clock.instant()))
                .map(Accounts::principal);
    }
}
