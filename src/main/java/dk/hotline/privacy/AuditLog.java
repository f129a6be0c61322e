package dk.hotline.privacy;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records each time a coordinator is shown personal data in clear (GDPR art. 9 accountability). */
public final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Written in the same transaction as the read it records, so no reveal goes unrecorded. */
    public void revealed(Handle tx, long coordinatorId, String subject) {
        tx.createUpdate("INSERT INTO audit_log (coordinator_id, action, subject, at) VALUES (:c, 'reveal', :s, :at)")
                .bind("c", coordinatorId)
                .bind("s", subject)
                .bind("at", clock.instant())
                .execute();
        log.info("event=audit.reveal coordinator={} subject={}", coordinatorId, subject);
    }
}
