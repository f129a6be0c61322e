package dk.hotline.web;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Coordinator accounts, their API tokens and the shared failed-login counter. */
@RegisterConstructorMapper(CoordinatorDao.Account.class)
@RegisterConstructorMapper(CoordinatorDao.Throttle.class)
interface CoordinatorDao {
    record Account(long id, String email, String passwordHash) {}

    record Throttle(int failures, Instant blockedUntil) {}

    @SqlQuery("SELECT count(*) FROM coordinators")
    int count();

    /** Creates the account unless one with that e-mail exists; ids of new rows only. */
    @SqlQuery("""
            INSERT INTO coordinators (email, password_hash, created_at) VALUES (:email, :hash, :now)
            ON CONFLICT DO NOTHING RETURNING id""")
    Optional<Long> create(@Bind("email") String email, @Bind("hash") String passwordHash, @Bind("now") Instant now);

    @SqlQuery("SELECT id, email, password_hash FROM coordinators WHERE lower(email) = lower(:email)")
    Optional<Account> byEmail(@Bind("email") String email);

    @SqlUpdate("INSERT INTO api_tokens (token_hash, coordinator_id, created_at, expires_at) VALUES (:hash, :id, :now, :expires)")
    void storeToken(@Bind("hash") byte[] tokenHash, @Bind("id") long coordinatorId, @Bind("now") Instant now,
                    @Bind("expires") Instant expires);

    @SqlQuery("SELECT coordinator_id FROM api_tokens WHERE token_hash = :hash AND expires_at > :now")
    Optional<Long> tokenOwner(@Bind("hash") byte[] tokenHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
    int deleteExpiredTokens(@Bind("now") Instant now);

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
