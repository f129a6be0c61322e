package dk.hotline.outbox;

import dk.hotline.privacy.PersonalDataCipher;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Every text and call the service sent or will send, as a coordinator may see it: what it is for,
 * to whom (masked), how far it has come, and never its words.
 */
public final class OutboxLog {
    /** Shown once retention has erased the recipient. */
    public static final String NOT_STORED = OutboundTexts.NOT_STORED;

    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;

    OutboxLog(Jdbi jdbi, PersonalDataCipher cipher) {
        this.jdbi = jdbi;
        this.cipher = cipher;
    }

    /**
     * One row of the outbox.
     *
     * @param attempts how many times it was handed to Twilio (a retry after 429 or 5xx counts)
     * @param dueAt when it goes, or went, at the earliest
     * @param deliveryStatus Twilio's latest word as it said it ({@code delivered}, {@code undelivered}, …)
     * @param errorCode Twilio's error code of the last refusal, if any
     * @param cancelReason why it was cancelled: {@code opted-out}, {@code too-late} or {@code other}
     */
    public record Entry(long id, MessageKind kind, String to, OutboxState state, int attempts, Instant queuedAt,
                        Instant dueAt, Optional<Instant> sentAt, Optional<String> deliveryStatus,
                        Optional<Integer> errorCode, Optional<String> cancelReason) {
        public MessageKind.Channel channel() {
            return kind.channel();
        }
    }

    public record Slice(List<Entry> entries, long total) {}

    /** Newest first: {@code limit} rows from {@code offset}, of one state and one kind when given. */
    public Slice list(Optional<OutboxState> state, Optional<MessageKind> kind, int offset, int limit) {
        String s = state.map(OutboxState::code).orElse(null);
        String k = kind.map(MessageKind::code).orElse(null);
        return jdbi.withExtension(OutboxLogDao.class, dao -> new Slice(
                dao.page(s, k, offset, limit).stream().map(this::entry).toList(), dao.count(s, k)));
    }

    /**
     * The rows a feature queued with these keys (as it passed them to {@link Outbox#sms}), by key;
     * a key nothing was queued for is absent.
     */
    public Map<String, Entry> byKeys(MessageKind kind, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        var byDedupeKey = new LinkedHashMap<String, String>();
        keys.forEach(key -> byDedupeKey.put(kind.dedupeKey(key), key));
        var found = new LinkedHashMap<String, Entry>();
        jdbi.withExtension(OutboxLogDao.class, dao -> dao.byKeys(byDedupeKey.keySet().toArray(String[]::new)))
                .forEach(row -> found.put(byDedupeKey.get(row.dedupeKey()), entry(row)));
        return found;
    }

    private Entry entry(OutboxLogDao.Row r) {
        return new Entry(r.id(), MessageKind.of(r.messageKind()),
                r.recipientSealed() == null ? NOT_STORED : cipher.openPhone(r.recipientSealed()).masked(),
                OutboxState.fromCode(r.state()).orElseThrow(), r.attempts(), r.createdAt(), r.notBefore(),
                Optional.ofNullable(r.sentAt()), Optional.ofNullable(r.deliveryStatus()), Optional.ofNullable(r.errorCode()),
                Optional.ofNullable(r.cancelReason()));
    }
}
