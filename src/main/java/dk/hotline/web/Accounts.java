package dk.hotline.web;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import dk.hotline.privacy.Audited;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts that sign in to the console and the API. Coordinators make them, switch them off
 * and give out one-time links to set a password; everyone changes their own password. Switching
 * an account off or setting its password ends its sessions and tokens at once.
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    private static final String DEFAULT_ADMIN = "admin@hotline.local";

    /** An account as coordinators see it: never its password hash. */
    public record Account(long id, String email, Role role, Optional<Long> leaderId, boolean active, Instant createdAt) {}

    /** What a coordinator asks for: a password, or none (then a link to set it is made). */
    public record NewAccount(String email, String password, String role, Long leaderId) {}

    private final Jdbi jdbi;
    private final AuthSettings settings;
    private final Clock clock;

    Accounts(Jdbi jdbi, AuthSettings settings, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * On an empty database, creates the first coordinator; a generated password is logged once, by
     * the instance whose insert created the account (several may start together). An existing
     * account is never changed here: a lost password is reset with {@code admin reset-password}.
     */
    void bootstrap(Optional<String> email, Optional<String> password) {
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            if (dao.count() > 0) {
                return;
            }
            String address = email.orElse(DEFAULT_ADMIN);
            String secret = password.orElseGet(() -> Secrets.random().substring(0, 20));
            Instant now = clock.instant();
            if (dao.create(address, PasswordCheck.hash(secret), Role.COORDINATOR.code(), null, now).isEmpty()) {
                // Another instance created it first; its password is the one that works.
                return;
            }
            if (password.isPresent()) {
                log.info("event=account.created role=coordinator email={}", address);
            } else {
                log.warn("event=account.created role=coordinator email={} password={} note=\"generated once, for the "
                        + "first sign-in; change it in the console\"", address, secret);
            }
        });
    }

    public List<Account> all() {
        return jdbi.withExtension(AccountDao.class, dao -> dao.all().stream().map(Accounts::account).toList());
    }

    public Account byId(long id) {
        return jdbi.withExtension(AccountDao.class, dao -> dao.byId(id)).map(Accounts::account)
                .orElseThrow(() -> new NotFoundException("no such account"));
    }

    /**
     * Makes an account. Without a password, it gets a link to set one (returned, to be shown once);
     * a leader account names the leader it is for (the caller has checked that leader exists).
     */
    public Created create(NewAccount in) {
        return create(in, Audited.none());
    }

    /** As {@link #create(NewAccount)}; {@code audited} writes the act's audit row in the same transaction. */
    public Created create(NewAccount in, Audited<Account> audited) {
        String email = AccountInput.email(in.email());
        Role role = in.role() == null ? null : Role.of(in.role().trim().toLowerCase(java.util.Locale.ROOT), "role");
        if (role == null) {
            throw new InvalidInputException("role", "required: coordinator or leader");
        }
        if ((role == Role.LEADER) != (in.leaderId() != null)) {
            throw new InvalidInputException("leaderId", role == Role.LEADER ? "required for a leader account"
                    : "only a leader account has a leader");
        }
        String password = in.password() == null ? null : AccountInput.password(in.password(), "password");
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            // An account made without a password cannot sign in until its link is used.
            String hash = PasswordCheck.hash(password == null ? Secrets.random() : password);
            long id = dao.create(email, hash, role.code(), in.leaderId(), now)
                    .orElseThrow(() -> new ConflictException("email", "an account with this e-mail exists"));
            Optional<PasswordLinks.PasswordLink> link = password == null
                    ? Optional.of(PasswordLinks.issue(dao, id, now, settings)) : Optional.empty();
            log.info("event=account.created role={} account={}", role.code(), id);
            var made = account(dao.byId(id).orElseThrow());
            audited.write(tx, made);
            return new Created(made, link);
        });
    }

    /** The new account, and its link to set a password when it was made without one. */
    public record Created(Account account, Optional<PasswordLinks.PasswordLink> passwordLink) {}

    /**
     * Removes an account that has nothing in the audit log; one that has (it revealed a number) is
     * kept for that record and can only be switched off. The last active coordinator stays.
     */
    public void delete(long id) {
        delete(id, Audited.none());
    }

    /** As {@link #delete(long)}; {@code audited} writes the deletion's audit row in the same transaction. */
    public void delete(long id, Audited<Long> audited) {
        jdbi.useTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            var row = dao.byId(id).orElseThrow(() -> new NotFoundException("no such account"));
            if (Role.COORDINATOR.code().equals(row.role()) && row.active() && dao.otherActiveCoordinators(id) == 0) {
                throw new ConflictException("active", "the last active coordinator cannot be removed");
            }
            try {
                dao.delete(id);
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
                if (e.getCause() instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                    throw new ConflictException("id", "the audit log names this account: switch it off instead");
                }
                throw e;
            }
            audited.write(tx, id);
            log.info("event=account.deleted account={}", id);
        });
    }

    /** Switches an account on or off; off ends its sessions and tokens. The last coordinator stays on. */
    public Account setActive(long id, boolean active) {
        return setActive(id, active, Audited.none());
    }

    /** As {@link #setActive(long, boolean)}; {@code audited} writes the change's audit row in the same transaction. */
    public Account setActive(long id, boolean active, Audited<Account> audited) {
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(AccountDao.class);
            var row = dao.byId(id).orElseThrow(() -> new NotFoundException("no such account"));
            if (!active && Role.COORDINATOR.code().equals(row.role()) && dao.otherActiveCoordinators(id) == 0) {
                throw new ConflictException("active", "the last active coordinator cannot be switched off");
            }
            dao.setActive(id, active, clock.instant());
            if (!active) {
                dao.deleteSessions(id);
                dao.deleteTokens(id);
            }
            log.info("event=account.{} account={}", active ? "activated" : "deactivated", id);
            var changed = account(dao.byId(id).orElseThrow());
            audited.write(tx, changed);
            return changed;
        });
    }

    void setPassword(AccountDao dao, long id, String password) {
        dao.setPassword(id, PasswordCheck.hash(password), clock.instant());
        dao.deleteSessions(id);
        dao.deleteTokens(id);
        log.info("event=account.password_set account={}", id);
    }

    static Principal principal(AccountDao.Row row) {
        return new Principal(row.id(), row.email(), Role.of(row.role()), Optional.ofNullable(row.leaderId()));
    }

    private static Account account(AccountDao.Row row) {
        return new Account(row.id(), row.email(), Role.of(row.role()), Optional.ofNullable(row.leaderId()), row.active(),
                row.createdAt());
    }
}
