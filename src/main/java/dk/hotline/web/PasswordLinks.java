package dk.hotline.web;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.Actor;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.Audited;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time links to set a password: for an account made without one, for a reset by a
 * coordinator, and for {@code admin reset-password} on the server. A link works once, until it
 * expires, and a new one makes the account's earlier ones useless.
 */
public final class PasswordLinks {
    private static final Logger log = LoggerFactory.getLogger(PasswordLinks.class);

    /** A link's secret is shown once, where it was made; only its hash is kept. */
    public record PasswordLink(String token, Instant expiresAt) {}

    /** Who resets a password on the server ({@code admin reset-password}): no account, and no network address. */
    private static final Actor ADMIN_COMMAND = new Actor(Optional.empty(), Optional.of("admin command"));

    private final Jdbi jdbi;
    private final Accounts accounts;
    private final AuthSettings settings;
    private final Clock clock;
    private final AuditLog audit;

    PasswordLinks(Jdbi jdbi, Accounts accounts, AuthSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
        this.audit = new AuditLog(clock);
    }

    /** A new one-time link to set the account's password; earlier links stop working. */
    public PasswordLink passwordLink(long id) {
        return passwordLink(id, Audited.none());
    }

    /** As {@link #passwordLink(long)}; {@code audited} writes the act's audit row in the same transaction. */
    public PasswordLink passwordLink(long id, Audited<Long> audited) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            dao.byId(id).orElseThrow(() -> new NotFoundException("no such account"));
            var link = issue(dao, id, clock.instant(), settings);
            audited.write(tx, id);
            log.info("event=account.password_link account={}", id);
            return link;
        });
    }

    /** Whether a password link can still be used, to show its form. */
    public boolean linkOpen(String token) {
        return jdbi.withExtension(AccountDao.class, dao -> dao.passwordLinkOpen(Secrets.sha256(token), clock.instant()));
    }

    /** Changes one's own password, knowing the current one; audited as the account's, from {@code address}. */
    public void changePassword(long id, String current, String password, String address) {
        String checked = AccountInput.password(password, "password");
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            var row = dao.byId(id).orElseThrow(() -> new NotFoundException("no such account"));
            if (current == null || !at.favre.lib.crypto.bcrypt.BCrypt.verifyer()
                    .verify(current.toCharArray(), row.passwordHash()).verified) {
                throw new InvalidInputException("current", "not the current password");
            }
            accounts.setPassword(dao, id, checked);
            audit.record(tx, Actor.account(id, address), "account.password", "account:" + id, Optional.empty());
        });
    }

    /** Sets a password with a link, once, audited as the account's from {@code address}; its sessions and tokens end. */
    public void setPasswordWithLink(String token, String password, String address) {
        String checked = AccountInput.password(password, "password");
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            long id = dao.usePasswordLink(Secrets.sha256(token), clock.instant())
                    .orElseThrow(() -> new NotFoundException("this link has been used or has expired"));
            accounts.setPassword(dao, id, checked);
            audit.record(tx, Actor.account(id, address), "account.password_set", "account:" + id, Optional.empty());
        });
    }

    /**
     * For {@code admin reset-password} on the server: a link to set the password of the account
     * with this address, which also switches it back on.
     */
    public PasswordLink resetByEmail(String email) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            var row = dao.byEmail(email.trim()).orElseThrow(() -> new NotFoundException("no account with that e-mail"));
            dao.setActive(row.id(), true, clock.instant());
            audit.record(tx, ADMIN_COMMAND, "account.reset", "account:" + row.id(), Optional.empty());
            return issue(dao, row.id(), clock.instant(), settings);
        });
    }

    static PasswordLink issue(AccountDao dao, long id, Instant now, AuthSettings settings) {
        dao.closePasswordLinks(id, now);
        String token = Secrets.random();
        Instant expires = now.plus(settings.passwordLinkTtl());
        dao.storePasswordLink(Secrets.sha256(token), id, now, expires);
        return new PasswordLink(token, expires);
    }

}
