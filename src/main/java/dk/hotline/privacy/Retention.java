package dk.hotline.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases personal data once it is older than the configured retention: recipients (number and
 * blind index) and bodies of finished outbox rows, callers' numbers in the call log, in handled
 * callback requests and in settled follow-ups, support-group interest entries, the day-old answers
 * kept for Twilio retries and inbound text counts, and the
 * traces of sign-ins (hashed addresses of long-past lockouts, expired tokens). The outbox and call
 * rows stay (counts and outcomes are not personal data); what identifies a person goes.
 *
 * <p>Voicemail recordings live at Twilio, so they are deleted there ({@link RecordingEraser}) and
 * marked deleted here only once Twilio confirmed; one that could not be deleted stays due and is
 * tried again on the next run.
 *
 * <p>The audit log is kept on purpose: it is the organisation's record of which coordinator saw
 * whose number and when, which it must be able to show (GDPR art. 5(2) accountability, and a data
 * subject's right to know who accessed their data). It holds coordinator ids and subject ids,
 * never a number.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** A recording whose Record action never came this long after its status callback is nobody's message. */
    static final Duration UNANNOUNCED_RECORDING = Duration.ofDays(1);
    /** This many failed deletes in a row: Twilio is down or refusing us, and the rest wait for the next run too. */
    static final int MAX_FAILURES_IN_A_ROW = 3;

    /** Deletes a recording at Twilio; true when it is gone there (deleted now, or already). */
    @FunctionalInterface
    public interface RecordingEraser {
        boolean erase(String recordingSid);
    }

    private final Jdbi jdbi;
    private final Duration keep;
    private final RecordingEraser recordings;
    private final Clock clock;

    /** Without a way to reach Twilio: voicemail recordings wait, due, until one is given. */
    public Retention(Jdbi jdbi, int retentionDays, Clock clock) {
        this(jdbi, retentionDays, recordingSid -> false, clock);
    }

    public Retention(Jdbi jdbi, int retentionDays, RecordingEraser recordings, Clock clock) {
        this.jdbi = jdbi;
        this.keep = Duration.ofDays(retentionDays);
        this.recordings = recordings;
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
            // Relayed texts: the words go with the retention; a closed conversation forgets its texter.
            int texts = tx.createUpdate("""
                    UPDATE conversation_messages SET body_sealed = NULL
                    WHERE created_at < :cutoff AND body_sealed IS NOT NULL""")
                    .bind("cutoff", cutoff).execute();
            int conversations = tx.createUpdate("""
                    UPDATE conversations SET survivor_sealed = NULL, survivor_index = NULL
                    WHERE status = 'closed' AND closed_at < :cutoff AND (survivor_sealed IS NOT NULL OR survivor_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            tx.createUpdate("DELETE FROM sms_inbound WHERE received_at < :cutoff").bind("cutoff", cutoff).execute();
            int callbacks = tx.createUpdate("""
                    UPDATE callback_requests SET phone_sealed = NULL, phone_index = NULL
                    WHERE status = 'done' AND done_at < :cutoff AND (phone_sealed IS NOT NULL OR phone_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            // A follow-up sent or cancelled needs its number no more; a pending one keeps it until it is settled.
            int followups = tx.createUpdate("""
                    UPDATE followups SET phone_sealed = NULL, phone_index = NULL
                    WHERE status <> 'pending' AND settled_at < :cutoff AND (phone_sealed IS NOT NULL OR phone_index IS NOT NULL)""")
                    .bind("cutoff", cutoff).execute();
            // An interest entry is little more than the number: it goes whole, invited or not (the
            // person can text GRUPPE again).
            int interest = tx.createUpdate("DELETE FROM group_interest WHERE created_at < :cutoff")
                    .bind("cutoff", cutoff).execute();
            // Stored only so a Twilio retry gets the same answer; retries come within minutes.
            int replies = tx.createUpdate("DELETE FROM voice_replies WHERE created_at < :since")
                    .bind("since", now.minus(Duration.ofDays(1))).execute();
            // A hashed e-mail still points at a person; once its lockout is this long past it protects nothing.
            int throttles = tx.createUpdate("DELETE FROM login_throttle WHERE blocked_until < :cutoff")
                    .bind("cutoff", cutoff).execute();
            int tokens = tx.createUpdate("DELETE FROM api_tokens WHERE expires_at <= :now")
                    .bind("now", now).execute();
            // Per-minute text counts (by blind index) for the inbound rate limit: useless after their minute.
            int textCounts = tx.createUpdate("DELETE FROM sms_inbound_counts WHERE minute < :since")
                    .bind("since", now.minus(Duration.ofDays(1))).execute();
            log.info("event=retention.purged_texts conversation_messages={} conversations={} group_interest={}", texts,
                    conversations, interest);
            log.info("event=retention.purged outbox={} calls={} callbacks={} followups={} voice_replies={} login_throttle={} "
                    + "api_tokens={} sms_inbound_counts={} cutoff={}", messages, calls, callbacks, followups, replies, throttles,
                    tokens, textCounts, cutoff);
        });
        eraseRecordings(now, cutoff);
    }

    private record DueRecording(long id, String recordingSid) {}

    /**
     * Deletes at Twilio the voicemail recordings past the retention, and those nobody will hear
     * (nothing said, or never announced). One request at a time and outside any transaction: a
     * slow Twilio holds no database lock.
     */
    private void eraseRecordings(Instant now, Instant cutoff) {
        List<DueRecording> due = jdbi.withHandle(h -> h.createQuery("""
                SELECT id, recording_sid FROM voicemails
                WHERE deleted_at IS NULL
                  AND (created_at < :cutoff OR discarded OR (duration_secs IS NULL AND created_at < :unannounced))
                ORDER BY id""")
                .bind("cutoff", cutoff).bind("unannounced", now.minus(UNANNOUNCED_RECORDING))
                .map((rs, ctx) -> new DueRecording(rs.getLong("id"), rs.getString("recording_sid"))).list());
        int erased = 0;
        int failedInARow = 0;
        for (DueRecording recording : due) {
            if (failedInARow >= MAX_FAILURES_IN_A_ROW) {
                break;
            }
            if (!recordings.erase(recording.recordingSid())) {
                failedInARow++;
                continue;
            }
            failedInARow = 0;
            erased++;
            jdbi.useHandle(h -> h.createUpdate("UPDATE voicemails SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
                    .bind("now", now).bind("id", recording.id()).execute());
        }
        log.info("event=retention.recordings erased={} still_due={}", erased, due.size() - erased);
    }
}
