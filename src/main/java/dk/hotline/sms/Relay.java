package dk.hotline.sms;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two-way texting between a survivor and the leaders on call, always from the hotline's own
 * number, so neither side sees the other's. A conversation is forwarded to every leader on call
 * until one answers and takes it; with nobody on call it waits (with one discreet auto-reply per
 * window) and is delivered when the next shift starts.
 *
 * <p>Longer than 200 lines because both sides of a conversation live here: the survivor's texts
 * in, the leaders' answers out, taking and closing. They change the same rows under the same rule
 * of who may answer, and split apart each half would need the other's.
 */
public final class Relay {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    private final Jdbi jdbi;
    private final Outbox outbox;
    private final LongTexts longTexts;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Leaders leaders;
    private final Rota rota;
    private final Texts texts;
    private final AutoReply autoReply;
    private final Duration closeAfter;
    private final Clock clock;

    Relay(Jdbi jdbi, Outbox outbox, LongTexts longTexts, PersonalDataCipher cipher, BlindIndex index, Leaders leaders, Rota rota,
                 Texts texts, Duration autoReplyWindow, Duration closeAfter, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.longTexts = longTexts;
        this.cipher = cipher;
        this.index = index;
        this.leaders = leaders;
        this.rota = rota;
        this.texts = texts;
        this.autoReply = new AutoReply(outbox, rota, texts, autoReplyWindow, zone);
        this.closeAfter = closeAfter;
        this.clock = clock;
    }

    /** A survivor's text (not a keyword): into their open conversation, and on to the leaders. */
    public void fromSurvivor(Handle tx, String messageSid, PhoneNumber from, String body, int media) {
        Instant now = clock.instant();
        var dao = tx.attach(ConversationDao.class);
        var conversation = dao.openFor(index.candidates(from)).orElseGet(() -> dao.open(cipher.sealPhone(from), index.of(from), now));
        dao.touch(conversation.id(), now);
        if (media > 0 && !conversation.mediaNoticed()) {
            dao.mediaNoticed(conversation.id());
            outbox.sms(tx, MessageKind.MEDIA_NOTICE, String.valueOf(conversation.id()), from,
                    texts.get(Language.DANISH, Text.SMS_MEDIA_NOTICE), now);
        }
        if (body.isBlank()) {
            return;
        }
        long messageId = dao.addMessage(conversation.id(), "in", cipher.seal(body), null, messageSid, now);
        List<Leader> recipients = recipients(tx, conversation);
        if (recipients.isEmpty()) {
            autoReply.send(tx, conversation, from, messageId, now);
        } else {
            forward(tx, conversation.id(), messageId, body, recipients, now);
        }
        log.info("event=sms.relayed_in conversation=K{} leaders={} media={}", conversation.id(), recipients.size(), media);
    }

    /** A leader's answer to conversation {@code id}: taken by them unless another leader was first. */
    public String fromLeader(Handle tx, Leader leader, long id, String body) {
        Instant now = clock.instant();
        var dao = tx.attach(ConversationDao.class);
        String tag = "K" + id;
        var conversation = dao.byId(id).filter(c -> "open".equals(c.status()));
        if (conversation.isEmpty() || !mayAnswer(dao, conversation.get(), leader)) {
            return tagged(leader, Text.LEADER_UNKNOWN, tag);
        }
        var c = conversation.get();
        if (c.leaderId() == null) {
            if (dao.take(id, leader.id()) == 1) {
                tellOthersTaken(tx, id, leader, now);
            }
        } else if (c.leaderId() != leader.id()) {
            return tagged(leader, Text.LEADER_TAKEN_BY_OTHER, tag);
        }
        PhoneNumber survivor = cipher.openPhone(c.survivorSealed());
        long messageId = dao.addMessage(id, "out", cipher.seal(body), leader.id(), null, now);
        dao.touch(id, now);
        longTexts.send(tx, MessageKind.RELAY_OUT, String.valueOf(messageId), survivor, body, now);
        log.info("event=sms.relayed_out conversation={} leader={}", tag, leader.id());
        return null;
    }

    public String close(Handle tx, Leader leader, long id) {
        String tag = "K" + id;
        var dao = tx.attach(ConversationDao.class);
        var conversation = dao.byId(id);
        if (conversation.isEmpty() || !mayAnswer(dao, conversation.get(), leader)
                || (conversation.get().leaderId() != null && conversation.get().leaderId() != leader.id())) {
            return tagged(leader, Text.LEADER_UNKNOWN, tag);
        }
        dao.close(id, clock.instant());
        return tagged(leader, Text.LEADER_CLOSED, tag);
    }

    /** A text to a leader about conversation {@code tag}. */
    private String tagged(Leader leader, Text text, String tag) {
        return texts.fill(leader.textLanguage(), text, Map.of("tag", tag));
    }

    /** When the number's open conversation last had a text either way, if it has one. */
    public Optional<Instant> lastActivity(Handle tx, PhoneNumber survivor) {
        return tx.attach(ConversationDao.class).lastActivity(index.candidates(survivor));
    }

    /**
     * The survivor of conversation {@code id}, open or closed, for a leader who may answer it (its
     * taker, or one it was offered to while untaken); empty otherwise or once retention erased the number.
     */
    public Optional<PhoneNumber> survivorFor(Handle tx, Leader leader, long id) {
        var dao = tx.attach(ConversationDao.class);
        return dao.byId(id)
                .filter(c -> mayAnswer(dao, c, leader) && (c.leaderId() == null || c.leaderId() == leader.id()))
                .filter(c -> c.survivorSealed() != null)
                .map(c -> cipher.openPhone(c.survivorSealed()));
    }

    /** Its taker, or, while nobody has taken it, a leader it was sent to: K-numbers are easy to guess. */
    private static boolean mayAnswer(ConversationDao dao, ConversationDao.Row c, Leader leader) {
        return Objects.equals(c.leaderId(), leader.id()) || dao.offeredLeaders(c.id()).contains(leader.id());
    }

    /** The conversations a plain text (no K-number) from this leader could answer. */
    public List<Long> answerableBy(Handle tx, Leader leader) {
        return tx.attach(ConversationDao.class).answerableBy(leader.id());
    }

    /** Delivers texts that waited while nobody was on call, and closes conversations gone quiet. */
    public int deliverWaitingAndCloseIdle() {
        Instant now = clock.instant();
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(ConversationDao.class);
            int delivered = 0;
            for (var waiting : dao.waiting()) {
                var conversation = dao.byId(waiting.conversationId()).orElseThrow();
                List<Leader> recipients = recipients(tx, conversation);
                if (recipients.isEmpty()) {
                    break;
                }
                forward(tx, conversation.id(), waiting.id(), cipher.open(waiting.bodySealed()), recipients, now);
                delivered++;
            }
            int closed = dao.closeIdle(now.minus(closeAfter), now);
            if (delivered + closed > 0) {
                log.info("event=sms.waiting_delivered messages={} closed_idle={}", delivered, closed);
            }
            return delivered;
        });
    }

    /** The leader who took the conversation if still on call and available; otherwise everyone on call. */
    private List<Leader> recipients(Handle tx, ConversationDao.Row conversation) {
        List<Leader> onCall = leaders.availableAmong(tx, rota.leadersOnShift(tx, clock.instant()));
        if (conversation.leaderId() != null) {
            var taker = onCall.stream().filter(l -> l.id() == conversation.leaderId()).toList();
            if (!taker.isEmpty()) {
                return taker;
            }
            tx.attach(ConversationDao.class).release(conversation.id());
        }
        return onCall;
    }

    private void forward(Handle tx, long conversationId, long messageId, String body, List<Leader> to, Instant now) {
        var dao = tx.attach(ConversationDao.class);
        for (Leader leader : to) {
            dao.offeredTo(conversationId, leader.id());
            String text = texts.fill(leader.textLanguage(), Text.LEADER_RELAY, Map.of("tag", "K" + conversationId, "body", body));
            longTexts.send(tx, MessageKind.RELAY_IN, messageId + ":" + leader.id(), leader.phone(), text, now);
        }
        dao.forwarded(messageId, now);
    }

    private void tellOthersTaken(Handle tx, long id, Leader taker, Instant now) {
        var others = tx.attach(ConversationDao.class).offeredLeaders(id).stream().filter(l -> l != taker.id()).toList();
        for (Leader other : leaders.availableAmong(tx, others)) {
            String text = texts.fill(other.textLanguage(), Text.LEADER_TAKEN, Map.of("tag", "K" + id, "name", taker.name()));
            outbox.sms(tx, MessageKind.CONVERSATION_TAKEN, id + ":" + other.id(), other.phone(), text, now);
        }
    }
}
