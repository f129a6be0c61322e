package dk.hotline.web;

import dk.hotline.privacy.Actor;
import dk.hotline.privacy.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed-in browsers, kept in the database so any instance can answer any request. The cookie
 * holds a random id, the table its hash; a new id at every sign-in. A session ends after
 * {@code auth.sessionIdle} without a request, after {@code auth.sessionMax} in all, at sign-out,
 * and when its account is switched off or its password set.
 */
public final class ConsoleSessions {
    /** A session as a request finds it: who, and the token its forms must carry. */
    public record Session(Principal principal, String csrfToken) {}

    /** A session just begun: the cookie's value is shown to the browser once, never stored. */
    record Started(String cookie, Session session) {}

    private final Jdbi jdbi;
    private final AuthSettings settings;
    private final Clock clock;
    private final AuditLog audit;

    ConsoleSessions(Jdbi jdbi, AuthSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    /** Begins a session, and writes the sign-in ({@code signin}, from {@code address}) to the audit log with it. */
    Started start(Principal principal, String address) {
        String cookie = Secrets.random();
        String csrf = Secrets.random();
        Instant now = clock.instant();
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            dao.deleteEndedSessions(now.minus(settings.sessionIdle()), now.minus(settings.sessionMax()));
            dao.storeSession(Secrets.sha256(cookie), principal.accountId(), csrf, now);
            audit.record(tx, Actor.account(principal.accountId(), address), "signin", "account:" + principal.accountId(),
                    Optional.empty());
        });
        return new Started(cookie, new Session(principal, csrf));
    }

    /** The live session this cookie is for, its idle time starting again; nothing for one that ended. */
    Optional<Session> find(String cookie) {
        Instant now = clock.instant();
        byte[] id = Secrets.sha256(cookie);
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            var row = dao.session(id).filter(s -> s.lastSeenAt().isAfter(now.minus(settings.sessionIdle()))
                    && s.createdAt().isAfter(now.minus(settings.sessionMax())));
            if (row.isEmpty()) {
                return Optional.<Session>empty();
            }
            var account = dao.byId(row.get().accountId()).filter(AccountDao.Row::active);
            if (account.isEmpty()) {
                return Optional.<Session>empty();
            }
            dao.touchSession(id, now);
            return Optional.of(new Session(Accounts.principal(account.get()), row.get().csrfToken()));
        });
    }

    void end(String cookie) {
        jdbi.useExtension(AccountDao.class, dao -> dao.deleteSession(Secrets.sha256(cookie)));
    }
}
