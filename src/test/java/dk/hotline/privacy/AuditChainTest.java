package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.db.Database;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.TestDatabases;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** The audit log's chain and its guard, against a real PostgreSQL. */
class AuditChainTest {
    private final AuditLog audit = new AuditLog(Clock.systemUTC());

    @Test
    void anUntouchedLogVerifiesIncludingRowsWrittenWithoutTheService() {
        try (var db = new MigratedDatabase()) {
            long account = account(db.jdbi());
            assertThat(new AuditChain(db.jdbi()).verify()).isEqualTo(new AuditChain.Verdict(true, 0, Optional.empty()));
            db.jdbi().useTransaction(tx -> {
                audit.revealed(tx, Actor.account(account, "10.0.0.7"), "leader:1", Optional.of("ringede tilbage\nlinje 2: æøå"));
                audit.record(tx, account, "subject.access", "callback:2", Optional.empty());
                audit.record(tx, Actor.nobody("::1"), "signin.failed", "email:0a1b2c", Optional.empty());
            });
            db.jdbi().useHandle(h -> h.execute("INSERT INTO audit_log (coordinator_id, action, subject, at) VALUES (?, 'reveal', 'leader:3', now())",
                    account));

            assertThat(new AuditChain(db.jdbi()).verify()).isEqualTo(new AuditChain.Verdict(true, 4, Optional.empty()));
        }
    }

    @Test
    void theServiceCannotChangeOrDeleteARowAndASuperusersChangeIsNamed() {
        try (var db = new MigratedDatabase()) {
            long account = account(db.jdbi());
            for (int i = 1; i <= 3; i++) {
                int n = i;
                db.jdbi().useTransaction(tx -> audit.revealed(tx, Actor.account(account, "10.0.0.1"), "leader:" + n, Optional.empty()));
            }
            long second = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM audit_log ORDER BY id OFFSET 1 LIMIT 1")
                    .mapTo(Long.class).one());

            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET subject = 'leader:9' WHERE id = ?", second)))
                    .isInstanceOf(UnableToExecuteStatementException.class).cause().isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_log is append-only: row " + second + " cannot be changed");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log WHERE id = ?", second)))
                    .cause().isInstanceOf(SQLException.class)
                    .hasMessageContaining("audit_log is append-only: row " + second + " is deleted only by retention");
            assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
                h.execute("SET LOCAL hotline.audit_retention_days = '1'");
                h.execute("DELETE FROM audit_log WHERE id = ?", second);
            })).cause().isInstanceOf(SQLException.class).as("the floor holds, whatever the transaction says")
                    .hasMessageContaining("is younger than the audit retention of 365 days");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("TRUNCATE audit_log")))
                    .cause().hasMessageContaining("cannot be truncated");
            assertThat(new AuditChain(db.jdbi()).verify().ok()).isTrue();

            Instant at = db.jdbi().withHandle(h -> h.createQuery("SELECT at FROM audit_log WHERE id = ?").bind(0, second)
                    .mapTo(Instant.class).one());
            db.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard");
                h.execute("UPDATE audit_log SET reason = 'covering my tracks' WHERE id = ?", second);
                h.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard");
            });

            assertThat(new AuditChain(db.jdbi()).verify())
                    .isEqualTo(new AuditChain.Verdict(false, 2, Optional.of(new AuditChain.Broken(second, Optional.of(at)))));
        }
    }

    @Test
    void aRowRemovedBySomeoneWhoSwitchedTheGuardOffBreaksTheChainAtItsNeighbourOrAtTheHead() {
        try (var db = new MigratedDatabase()) {
            long account = account(db.jdbi());
            for (int i = 1; i <= 3; i++) {
                db.jdbi().useTransaction(tx -> audit.record(tx, Actor.account(account, "10.0.0.1"), "leader.update", "leader:1", Optional.empty()));
            }
            var ids = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM audit_log ORDER BY id").mapTo(Long.class).list());
            db.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_guard");
                h.execute("DELETE FROM audit_log WHERE id = ?", ids.get(2));
                h.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_guard");
            });

            var verdict = new AuditChain(db.jdbi()).verify();
            assertThat(verdict.ok()).isFalse();
            assertThat(verdict.firstBroken()).contains(new AuditChain.Broken(ids.get(2), Optional.empty()));
        }
    }

    @Test
    void twoWritersAtOnceLeaveOneChain() throws Exception {
        try (var db = new MigratedDatabase()) {
            long account = account(db.jdbi());
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            try {
                var tasks = new ArrayList<Future<?>>();
                for (int writer = 0; writer < 2; writer++) {
                    String address = "10.0.0." + writer;
                    Callable<Void> task = () -> {
                        start.await();
                        for (int i = 0; i < 50; i++) {
                            int n = i;
                            db.jdbi().useTransaction(tx -> audit.record(tx, Actor.account(account, address), "shift.create",
                                    "shift:" + n, Optional.empty()));
                        }
                        return null;
                    };
                    tasks.add(pool.submit(task));
                }
                start.countDown();
                for (var t : tasks) {
                    t.get();
                }
            } finally {
                pool.shutdown();
            }

            assertThat(new AuditChain(db.jdbi()).verify()).isEqualTo(new AuditChain.Verdict(true, 100, Optional.empty()));
        }
    }

    @Test
    void rowsWrittenBeforeTheChainAreChainedByTheMigration() {
        var url = TestDatabases.create();
        try (var pool = Database.pool(url, 2)) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("23").load().migrate();
            var jdbi = Jdbi.create(pool);
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO accounts (id, email, password_hash, created_at, updated_at) VALUES (1, 'k@example.org', 'x', now(), now())");
                h.execute("INSERT INTO audit_log (coordinator_id, action, subject, at) VALUES (1, 'reveal', 'leader:1', now() - interval '3 days')");
                h.execute("INSERT INTO audit_log (coordinator_id, action, subject, reason, at) VALUES (1, 'reveal', 'callback:4', 'ringede; 10:30', now())");
            });

            Database.migrate(pool);

            assertThat(new AuditChain(jdbi).verify()).isEqualTo(new AuditChain.Verdict(true, 2, Optional.empty()));
            jdbi.useTransaction(tx -> audit.record(tx, Actor.account(1, "10.1.1.1"), "signin", "account:1", Optional.empty()));
            assertThat(new AuditChain(jdbi).verify()).isEqualTo(new AuditChain.Verdict(true, 3, Optional.empty()));
        } finally {
            TestDatabases.drop(url);
        }
    }

    static long account(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("""
                INSERT INTO accounts (email, password_hash, created_at, updated_at)
                VALUES ('audit-' || gen_random_uuid() || '@example.org', 'x', now(), now()) RETURNING id""").mapTo(Long.class).one());
    }
}
