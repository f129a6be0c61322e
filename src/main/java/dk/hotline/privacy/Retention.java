package dk.hotline.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data once it is older than the configured retention: recipients (number and
 * blind index) and bodies of finished outbox rows, callers' numbers in the call log and in handled
 * callback requests, the day-old answers kept for Twilio retries, and the
 * traces of sign-ins (hashed addresses of long-past lockouts, expired tokens). The outbox and call
 * rows stay (counts and outcomes are not personal data); what identifies a person goes.
 *
 * <p>The audit log is kept on purpose: it is the organisation's record of which coordinator saw
 * whose number and when, which it must be able to show (GDPR art. 5(2) accountability, and a data
 * subject's right to know who accessed their data). It holds coordinator ids and subject ids,
 * never a number.
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
        Instant now = clock.instant();
        Instant cutoff = now.minus(keep);
        jdbi.useTransaction(tx -> {
            int messages = tx.createUpdate("""
                    UPDATE outbox SET recipient_sealed = NULL, recipient_index = NULL, body_sealed = NULL
                    WHERE status IN ('sent', 'failed', 'cancelled') AND updated_at < :cutoff
                      AND (recipient_sealed IS NOT NULL OR recipient_index IS NOT NULL OR body_sealed IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            int calls = tx.createUpdate("""
                    UPDATE calls SET caller_sealed = NULL, caller_index = NULL
                    WHERE arrived_at < :cutoff AND (caller_sealed IS NOT NULL OR caller_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            int callbacks = tx.createUpdate("""
                    UPDATE callback_requests SET phone_sealed = NULL, phone_index = NULL
                    WHERE status = 'done' AND done_at < :cutoff AND (phone_sealed IS NOT NULL OR phone_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            // Stored only so a Twilio retry gets the same answer; retries come within minutes.
            int replies = tx.createUpdate("DELETE FROM voice_replies WHERE created_at < :since")
                    .bind("since", now.minus(Duration.ofDays(1))).execute();
            // A hashed e-mail still points at a person; once its lockout is this long past it protects nothing.
            int throttles = tx.createUpdate("DELETE FROM login_throttle WHERE blocked_until < :cutoff")
                    .bind("cutoff", cutoff).execute();
            int tokens = tx.createUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
                    .bind("now", now).execute();
            log.info("event=retention.purged outbox={} calls={} callbacks={} voice_replies={} login_throttle={} api_tokens={} cutoff={}",
                    messages, calls, callbacks, replies, throttles, tokens, cutoff);
        });
    }
}
