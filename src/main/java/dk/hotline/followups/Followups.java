package dk.hotline.followups;

import dk.hotline.db.Jdbc;
import dk.hotline.common.Language;
import dk.hotline.common.QuietHours;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follow-up text, days after a contact, to someone who agreed to it: it offers RING for a call
 * back. A person has at most one pending (a later request moves it). It is cancelled when the
 * person gets in touch first, and never sent after a STOP or inside quiet hours. Sent by
 * {@link FollowupJob}, a clustered one-minute sweep: a follow-up is days away, so a minute is
 * precision enough, and nothing has to be scheduled inside the webhook that asked for it.
 */
public final class Followups {
    private static final Logger log = LoggerFactory.getLogger(Followups.class);
    public static final Set<String> SOURCES = Set.of("call", "callback", "conversation");
    /** Sent per sweep at most; the rest wait a minute (the outbox rate limit paces them anyway). */
    static final int BATCH = 100;

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final Suppressions suppressions;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Texts texts;
    private final Duration after;
    private final Optional<QuietHours> quietHours;
    private final ZoneId zone;
    private final Clock clock;

    Followups(Jdbi jdbi, Outbox outbox, Suppressions suppressions, PersonalDataCipher cipher, BlindIndex index,
                     Texts texts, Duration after, Optional<QuietHours> quietHours, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.cipher = cipher;
        this.index = index;
        this.texts = texts;
        this.after = after;
        this.quietHours = quietHours;
        this.zone = zone;
        this.clock = clock;
    }

    /** Asks for a follow-up after the configured time; see {@link #request(Handle, String, PhoneNumber, Language, String, Duration)}. */
    public Optional<Instant> request(Handle tx, String requestKey, PhoneNumber to, Language language, String source) {
        return request(tx, requestKey, to, language, source, after);
    }

    /**
     * Asks for a follow-up {@code in} from now (moved out of quiet hours); one already pending for
     * the person is moved to this time, never a second text. Answers when it will go, or empty
     * when this {@code requestKey} asked before (a retried webhook).
     */
    public Optional<Instant> request(Handle tx, String requestKey, PhoneNumber to, Language language, String source, Duration in) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + SOURCES);
        }
        var dao = tx.attach(FollowupDao.class);
        if (dao.asked(requestKey)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant due = quietHours.map(q -> q.after(now.plus(in), zone)).orElse(now.plus(in));
        index.reindex(tx, "followups", "phone_index", to);
        long id = dao.upsert(requestKey, cipher.sealPhone(to), index.of(to), language.code(), source, due, now);
        log.info("event=followup.requested id={} source={} due={}", id, source, due);
        return Optional.of(due);
    }

    /** The person got in touch (a text, a call): what they agreed to wait for is no longer needed. */
    public void contactFrom(Handle tx, PhoneNumber from, String how) {
        contactFrom(tx, List.of(from), how);
    }

    /** {@link #contactFrom(Handle, PhoneNumber, String)} for several people at once, in one statement. */
    public void contactFrom(Handle tx, List<PhoneNumber> from, String how) {
        Instant now = clock.instant();
        byte[][] indexes = from.stream().flatMap(number -> index.candidates(number).values().stream()).toArray(byte[][]::new);
        // Plain JDBC: this runs for every call that comes in (see Jdbc). Asked for before now: a
        // follow-up asked for in this very contact is not cancelled by it.
        int cancelled = Jdbc.update(tx, """
                UPDATE followups SET status = 'cancelled', reason = ?, settled_at = ?
                WHERE phone_index = ANY(?) AND status = 'pending' AND created_at < ?""",
                "contact:" + how, now, indexes, now);
        if (cancelled > 0) {
            log.info("event=followup.cancelled reason=contact how={} count={}", how, cancelled);
        }
    }

    /**
     * Sends the follow-ups that are due, unless it is quiet hours now (they wait for the end); one
     * to a number that opted out is cancelled. Instances share the work row by row.
     */
    public void sendDue() {
        Instant now = clock.instant();
        if (quietHours.isPresent() && quietHours.get().contains(now, zone)) {
            return;
        }
        int[] counts = jdbi.inTransaction(tx -> {
            var dao = tx.attach(FollowupDao.class);
            int sent = 0;
            int optedOut = 0;
            for (var row : dao.dueForUpdate(now, BATCH)) {
                PhoneNumber to = cipher.openPhone(row.phoneSealed());
                if (suppressions.isOptedOut(tx, to)) {
                    dao.settle(row.id(), "cancelled", "opted_out", now);
                    optedOut++;
                    continue;
                }
                outbox.sms(tx, MessageKind.FOLLOWUP, String.valueOf(row.id()), to, texts.get(Language.of(row.language()), Text.SMS_FOLLOWUP), now);
                dao.settle(row.id(), "sent", null, now);
                sent++;
            }
            return new int[] {sent, optedOut};
        });
        if (counts[0] + counts[1] > 0) {
            log.info("event=followup.sent_due sent={} opted_out={}", counts[0], counts[1]);
        }
    }

    /** Follow-ups for coordinators, by status (all when null). */
    public List<Followup> list(String status) {
        return jdbi.withExtension(FollowupDao.class, dao -> dao.list(status));
    }
}
