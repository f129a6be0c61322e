package dk.hotline.voice;

import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.flows.Texts;
import dk.hotline.outbox.MessageKind;
import dk.hotline.outbox.Outbox;
import dk.hotline.rota.Leader;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages callers leave at a voicemail step: stored (the audio stays at Twilio), announced by
 * SMS to the leaders on call with the message's number and never the caller's, listed for
 * coordinators, marked heard.
 */
public final class Voicemails {
    private static final Logger log = LoggerFactory.getLogger(Voicemails.class);
    /** A recording this short has nothing said in it (Twilio trims silence). */
    static final int MAX_EMPTY_SECONDS = 1;
    /** The recording statuses worth keeping; others (in-progress, new ones) are ignored. */
    static final Set<String> STATUSES = Set.of("completed", "absent", "failed");

    private final Leaders leaders;
    private final Rota rota;
    private final Outbox outbox;
    private final Texts texts;
    private final Clock clock;

    Voicemails(Leaders leaders, Rota rota, Outbox outbox, Texts texts, Clock clock) {
        this.leaders = leaders;
        this.rota = rota;
        this.outbox = outbox;
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * The Record action's result. A message with something said in it is stored and the leaders on
     * call are told; its id comes back. An empty one is kept only so retention deletes it at Twilio.
     */
    Optional<Long> store(Handle tx, String callSid, String recordingSid, int seconds, Language language) {
        Instant now = clock.instant();
        boolean empty = seconds <= MAX_EMPTY_SECONDS;
        var id = tx.attach(VoicemailDao.class).store(callSid, recordingSid, Math.max(seconds, 0), language.code(), empty, now);
        if (empty || id.isEmpty()) {
            log.info("event=voicemail.not_stored call={} seconds={} reason={}", callSid, seconds, empty ? "empty" : "stored-before");
            return Optional.empty();
        }
        List<Leader> onCall = leaders.availableAmong(tx, rota.leadersOnShift(tx, now));
        for (Leader leader : onCall) {
            String body = texts.fill(leader.textLanguage(), Text.LEADER_VOICEMAIL, Map.of("id", id.get()));
            outbox.sms(tx, MessageKind.VOICEMAIL_NOTICE, id.get() + ":" + leader.id(), leader.phone(), body, now);
        }
        log.info("event=voicemail.stored id={} call={} seconds={} leaders_told={}", id.get(), callSid, seconds, onCall.size());
        return id;
    }

    /** Twilio's recording status callback; true when the status is one we keep. */
    boolean recordingStatus(Handle tx, String callSid, String recordingSid, String status) {
        if (!STATUSES.contains(status)) {
            return false;
        }
        tx.attach(VoicemailDao.class).recordingStatus(callSid, recordingSid, status, clock.instant());
        return true;
    }

    public List<Voicemail> list(Handle tx) {
        return tx.attach(VoicemailDao.class).listable().stream().map(Voicemail::of).toList();
    }

    /** A message that was stored (erased ones too: they say so); not an empty recording. */
    public Optional<Voicemail> byId(Handle tx, long id) {
        return tx.attach(VoicemailDao.class).byId(id).map(Voicemail::of);
    }

    /** The first time someone listened to it. */
    public void heard(Handle tx, long id) {
        tx.attach(VoicemailDao.class).heard(id, clock.instant());
    }
}
