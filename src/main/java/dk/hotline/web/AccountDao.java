package dk.hotline.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Accounts, their API tokens and console sessions, and the shared failed-login counter. */
@RegisterConstructorMapper(AccountDao.Row.class)
@RegisterConstructorMapper(AccountDao.Throttle.class)
@RegisterConstructorMapper(AccountDao.SessionRow.class)
interface AccountDao {
    record Row(long id, String email, String passwordHash, String role, Long leaderId, boolean active, Instant createdAt) {}

    record Throttle(int failures, Instant blockedUntil) {}

    record SessionRow(long accountId, String csrfToken, Instant createdAt, Instant lastSeenAt) {}

    String COLUMNS = "id, email, password_hash, role, leader_id, active, created_at";

    @SqlQuery("SELECT count(*) FROM accounts")
    int count();

    /** Creates the account unless one with that e-mail exists; the new row's id only. */
    @SqlQuery("""
            INSERT INTO accounts (email, password_hash, role, leader_id, created_at, updated_at)
            VALUES (:email, :hash, :role, :leaderId, :now, :now)
            ON CONFLICT DO NOTHING RETURNING id""")
    Optional<Long> create(@Bind("email") String email, @Bind("hash") String passwordHash, @Bind("role") String role,
                          @Bind("leaderId") Long leaderId, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE lower(email) = lower(:email)")
    Optional<Row> byEmail(@Bind("email") String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
    Optional<Row> byId(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts ORDER BY lower(email)")
    List<Row> all();

    @SqlUpdate("UPDATE accounts SET password_hash = :hash, updated_at = :now WHERE id = :id")
    int setPassword(@Bind("id") long id, @Bind("hash") String passwordHash, @Bind("now") Instant now);

    @SqlUpdate("UPDATE accounts SET active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM accounts WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery("SELECT count(*) FROM accounts WHERE role = 'coordinator' AND active AND id <> :except")
    int otherActiveCoordinators(@Bind("except") long except);

    @SqlUpdate("INSERT INTO api_tokens (token_hash, account_id, created_at, expires_at) VALUES (:hash, :id, :now, :expires)")
    void storeToken(@Bind("hash") byte[] tokenHash, @Bind("id") long accountId, @Bind("now") Instant now,
                    @Bind("expires") Instant expires);

    /** The active account a token belongs to, if the token is known and not expired. */
    @SqlQuery("""
            SELECT a.id, a.email, a.password_hash, a.role, a.leader_id, a.active, a.created_at
            FROM api_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = :hash AND t.expires_at > :now AND a.active""")
    Optional<Row> tokenOwner(@Bind("hash") byte[] tokenHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM api_tokens WHERE token_hash = :hash")
    void deleteToken(@Bind("hash") byte[] tokenHash);

    @SqlUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
    int deleteExpiredTokens(@Bind("now") Instant now);

    @SqlUpdate("DELETE FROM api_tokens WHERE account_id = :id")
    int deleteTokens(@Bind("id") long accountId);

    @SqlUpdate("""
            INSERT INTO console_sessions (id_hash, account_id, csrf_token, created_at, last_seen_at)
            VALUES (:hash, :account, :csrf, :now, :now)""")
    void storeSession(@Bind("hash") byte[] idHash, @Bind("account") long accountId, @Bind("csrf") String csrfToken,
                      @Bind("now") Instant now);

    @SqlQuery("SELECT account_id, csrf_token, created_at, last_seen_at FROM console_sessions WHERE id_hash = :hash")
    Optional<SessionRow> session(@Bind("hash") byte[] idHash);

    @SqlUpdate("UPDATE console_sessions SET last_seen_at = :now WHERE id_hash = :hash")
    int touchSession(@Bind("hash") byte[] idHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM console_sessions WHERE id_hash = :hash")
    int deleteSession(@Bind("hash") byte[] idHash);

    @SqlUpdate("DELETE FROM console_sessions WHERE account_id = :id")
    int deleteSessions(@Bind("id") long accountId);

    @SqlUpdate("DELETE FROM console_sessions WHERE last_seen_at <= :idleSince OR created_at <= :startedSince")
    int deleteEndedSessions(@Bind("idleSince") Instant idleSince, @Bind("startedSince") Instant startedSince);

    @SqlUpdate("""
            INSERT INTO password_links (token_hash, account_id, created_at, expires_at)
            VALUES (:hash, :account, :now, :expires)""")
    void storePasswordLink(@Bind("hash") byte[] tokenHash, @Bind("account") long accountId, @Bind("now") Instant now,
                           @Bind("expires") Instant expires);

    /** Uses the link: the account it is for, once, while it has not expired. */
    @SqlQuery("""
            UPDATE password_links SET used_at = :now
            WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
            RETURNING account_id""")
    Optional<Long> usePasswordLink(@Bind("hash") byte[] tokenHash, @Bind("now") Instant now);

    /** Whether the link can still be used (to show the form, before anything is changed). */
    @SqlQuery("SELECT count(*) > 0 FROM password_links WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now")
    boolean passwordLinkOpen(@Bind("hash") byte[] tokenHash, @Bind("now") Instant now);

    /** A new link makes the account's earlier ones useless. */
    @SqlUpdate("UPDATE password_links SET used_at = :now WHERE account_id = :id AND used_at IS NULL")
    int closePasswordLinks(@Bind("id") long accountId, @Bind("now") Instant now);

    /**
     * The address's counter, created at zero if there is none, and locked until the transaction
     * ends: attempts for one address take their turn here, so none is admitted on a stale count.
     */
    @SqlQuery("""
            INSERT INTO login_throttle (email_hash, failures, blocked_until) VALUES (:hash, 0, :now)
            ON CONFLICT (email_hash) DO UPDATE SET failures = login_throttle.failures
            RETURNING failures, blocked_until""")
    Throttle lockThrottle(@Bind("hash") byte[] emailHash, @Bind("now") Instant now);

    /**
     * Counts one more attempt, as a failure until its password proves right. From {@code max} on,
     * the address is blocked for {@code lockoutSeconds}, doubling with each further one up to 15 minutes.
     */
    @SqlQuery("""
            UPDATE login_throttle SET
                failures = failures + 1,
                blocked_until = CASE WHEN failures + 1 >= :max
                    THEN CAST(:now AS timestamptz)
                         + LEAST(:lockoutSeconds * power(2, failures + 1 - :max), 900) * interval '1 second'
                    ELSE blocked_until END
            WHERE email_hash = :hash
            RETURNING failures, blocked_until""")
    Throttle countAttempt(@Bind("hash") byte[] emailHash, @Bind("now") Instant now, @Bind("max") int maxFailures,
                          @Bind("lockoutSeconds") long lockoutSeconds);

    @SqlUpdate("DELETE FROM login_throttle WHERE email_hash = :hash")
    void clearFailures(@Bind("hash") byte[] emailHash);
}
