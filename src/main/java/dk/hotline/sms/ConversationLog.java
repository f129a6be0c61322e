package dk.hotline.sms;

import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.OutboxLog;
import dk.hotline.outbox.OutboxState;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.twilio.SmsSegments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Relayed conversations as coordinators and leaders look back at them: when, with whom (a masked
 * number), who took it, how many texts each way and how long they were. Never the words: they are
 * opened here only to be measured.
 */
public final class ConversationLog {
    /** Shown once retention has erased the texter's number. */
    public static final String NOT_STORED = InboundTexts.NOT_STORED;
    /** A text whose words retention erased is not measured; this many parts of its answer are looked for. */
    private static final int PARTS_WHEN_ERASED = 2;
    /** The worst part of an answer sent in parts is the answer's state. */
    private static final List<OutboxState> WORST_FIRST = List.of(OutboxState.FAILED, OutboxState.CANCELLED,
            OutboxState.QUEUED, OutboxState.SENDING, OutboxState.SENT, OutboxState.DRY_RUN, OutboxState.DELIVERED);

    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;
    private final OutboxLog outbox;

    ConversationLog(Jdbi jdbi, PersonalDataCipher cipher, OutboxLog outbox) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.outbox = outbox;
    }

    /** Which conversations: of one state ({@code open}, {@code closed}), active in {@code [from, to)}, offered to a leader. */
    public record Filter(Optional<String> state, Optional<Instant> from, Optional<Instant> to, Optional<Long> offeredTo) {}

    /**
     * One conversation.
     *
     * @param number the texter's number masked, or {@link #NOT_STORED}
     * @param leaderId the leader who took it (answered first); empty while nobody has
     * @param awaitingAnswer open, and a text came in after the last answer
     */
    public record Summary(long id, Instant openedAt, String state, Optional<Instant> closedAt, String number,
                          Optional<Long> leaderId, int textsIn, int textsOut, Instant lastActivityAt, boolean awaitingAnswer) {
        public String tag() {
            return "K" + id;
        }
    }

    public record Slice(List<Summary> conversations, long total) {}

    /**
     * One text of a conversation.
     *
     * @param direction {@code in} (from the texter) or {@code out} (a leader's answer)
     * @param leaderId who answered, for an answer
     * @param status for a text in, {@code forwarded} (to the leaders on call) or {@code waiting} (for one);
     *     for an answer, its {@link OutboxState} code (of its worst part when sent in parts)
     * @param characters its length, empty once retention erased the words
     * @param segments how many SMS parts that length makes
     * @param errorCode Twilio's error code, for an answer it refused
     */
    public record Text(long id, Instant at, String direction, Optional<Long> leaderId, String status,
                       Optional<Integer> characters, Optional<Integer> segments, Optional<Integer> errorCode) {}

    /** A conversation with its texts in order and the leaders it was offered to. */
    public record Detail(Summary summary, List<Text> texts, List<Long> offeredTo) {}

    /** Newest activity first: {@code limit} conversations from {@code offset}. */
    public Slice list(Filter filter, int offset, int limit) {
        String state = filter.state().orElse(null);
        Instant from = filter.from().orElse(null);
        Instant to = filter.to().orElse(null);
        Long leader = filter.offeredTo().orElse(null);
        return jdbi.withExtension(ConversationLogDao.class, dao -> new Slice(
                dao.page(state, from, to, leader, offset, limit).stream().map(this::summary).toList(),
                dao.count(state, from, to, leader)));
    }

    public Optional<Detail> detail(long id) {
        return jdbi.withExtension(ConversationLogDao.class, dao -> dao.byId(id).map(row -> {
            var messages = dao.messages(id);
            return new Detail(summary(row), texts(messages), dao.offeredTo(id));
        }));
    }

    /** Whether a leader may look at the conversation: it was offered to them, or they took it. */
    public boolean visibleTo(Detail detail, long leaderId) {
        return detail.summary().leaderId().filter(id -> id == leaderId).isPresent() || detail.offeredTo().contains(leaderId);
    }

    private Summary summary(ConversationLogDao.Summary r) {
        return new Summary(r.id(), r.createdAt(), r.status(), Optional.ofNullable(r.closedAt()),
                r.survivorSealed() == null ? NOT_STORED : cipher.openPhone(r.survivorSealed()).masked(),
                Optional.ofNullable(r.leaderId()), r.textsIn(), r.textsOut(), r.lastActivityAt(), r.awaitingAnswer());
    }

    private List<Text> texts(List<ConversationLogDao.Message> messages) {
        var words = new ArrayList<Optional<String>>();
        var answerKeys = new ArrayList<String>();
        for (var m : messages) {
            Optional<String> body = Optional.ofNullable(m.bodySealed()).map(cipher::open);
            words.add(body);
            if (m.direction().equals("out")) {
                answerKeys.addAll(LongTexts.keys(String.valueOf(m.id()), body.map(LongTexts::partCount).orElse(PARTS_WHEN_ERASED)));
                if (body.isEmpty()) {
                    answerKeys.add(String.valueOf(m.id()));
                }
            }
        }
        Map<String, OutboxLog.Entry> sent = outbox.byKeys(MessageKind.RELAY_OUT, answerKeys);
        var texts = new ArrayList<Text>();
        for (int i = 0; i < messages.size(); i++) {
            var m = messages.get(i);
            var body = words.get(i);
            var characters = body.map(b -> b.codePointCount(0, b.length()));
            var segments = body.map(SmsSegments::count);
            if (m.direction().equals("in")) {
                texts.add(new Text(m.id(), m.createdAt(), "in", Optional.empty(), m.forwardedAt() == null ? "waiting" : "forwarded",
                        characters, segments, Optional.empty()));
            } else {
                String key = String.valueOf(m.id());
                var parts = sent.entrySet().stream().filter(e -> e.getKey().equals(key) || e.getKey().startsWith(key + ":"))
                        .map(Map.Entry::getValue).toList();
                var worst = parts.stream().min(Comparator.comparingInt(e -> WORST_FIRST.indexOf(e.state())));
                texts.add(new Text(m.id(), m.createdAt(), "out", Optional.ofNullable(m.leaderId()),
                        worst.map(e -> e.state().code()).orElse(OutboxState.QUEUED.code()), characters, segments,
                        worst.filter(e -> e.state() == OutboxState.FAILED).flatMap(OutboxLog.Entry::errorCode)));
            }
        }
        return texts;
    }
}
