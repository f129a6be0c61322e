package dk.hotline.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data once it is older than the configured retention: recipients and bodies of
 * finished outbox rows, callers' numbers in the call log. The rows stay (counts and outcomes are
 * not personal data); what identifies a person goes.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final Jdbi jdbi;
    private final Duration keep;
    private final Clock clock;

    public Retention(Jdbi jdbi, int retentionDays, Clock clock) {
        this.jdbi = jdbi;
        this.keep = Duration.ofDays(retentionDays);
        this.clock = clock;
    }

    public void purge() {
        Instant cutoff = clock.instant().minus(keep);
        jdbi.useTransaction(tx -> {
            int messages = tx.createUpdate("""
                    UPDATE outbox SET recipient_sealed = NULL, body_sealed = NULL
                    WHERE status IN ('sent', 'failed', 'cancelled') AND updated_at < :cutoff
                      AND (recipient_sealed IS NOT NULL OR body_sealed IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            int calls = tx.createUpdate("""
                    UPDATE calls SET caller_sealed = NULL, caller_index = NULL
                    WHERE arrived_at < :cutoff AND caller_sealed IS NOT NULL""")
                    .bind("cutoff", cutoff).execute();
            log.info("event=retention.purged outbox={} calls={} cutoff={}", messages, calls, cutoff);
        });
    }
}
