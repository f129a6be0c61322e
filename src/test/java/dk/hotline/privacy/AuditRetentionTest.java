package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.app.Hotline;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import dk.hotline.twilio.TwilioRecordings;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retention deletes the audit log's oldest rows past audit.retentionDays, none younger, and the chain still verifies. */
class AuditRetentionTest {
    private static final int AUDIT_DAYS = 400;

    @Test
    void rowsOlderThanTheAuditRetentionGoAndTheRestStillVerify() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var clock = new MutableClock(now.minus(Duration.ofDays(AUDIT_DAYS + 30)));
        var audit = new AuditLog(clock);
        try (var db = new MigratedDatabase()) {
            long account = AuditChainTest.account(db.jdbi());
            var by = Actor.account(account, "10.0.0.9");
            for (int days : List.of(AUDIT_DAYS + 30, AUDIT_DAYS + 2, AUDIT_DAYS - 2, 10, 0)) {
                clock.set(now.minus(Duration.ofDays(days)));
                db.jdbi().useTransaction(tx -> audit.record(tx, by, "leader.update", "leader:" + days, Optional.empty()));
            }
            clock.set(now);

            var retention = new Retention(db.jdbi(), 30, AUDIT_DAYS, Hotline.retentionRules(TwilioRecordings.dryRun()), clock);
            retention.purge();

            List<String> left = db.jdbi().withHandle(h -> h.createQuery("SELECT subject FROM audit_log ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(left).containsExactly("leader:" + (AUDIT_DAYS - 2), "leader:10", "leader:0");
            assertThat(new AuditChain(db.jdbi()).verify()).isEqualTo(new AuditChain.Verdict(true, 3, Optional.empty()));

            var run = retention.lastRun().orElseThrow();
            assertThat(run.startedAt()).isEqualTo(now);
            assertThat(run.erased()).containsEntry("audit_log", 2);
            assertThat(run.failed()).isEmpty();
            assertThat(retention.plan()).contains(new Retention.Planned(List.of("audit_chain", "audit_log"), Optional.empty(), AUDIT_DAYS));

            clock.advance(Duration.ofDays(1));
            retention.purge();
            int count = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log").mapTo(Integer.class).one());
            assertThat(count).as("a second run erases nothing more").isEqualTo(3);
            assertThat(new AuditChain(db.jdbi()).verify().ok()).isTrue();
            assertThat(retention.lastRun().orElseThrow().erased()).containsEntry("audit_log", 0);
        }
    }
}
