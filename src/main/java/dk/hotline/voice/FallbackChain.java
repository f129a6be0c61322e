package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.app.HotlineConfig;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Rota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a caller gets when no leader takes the call: the configured options in order (backup
 * number, an offer to be called back, when we open again), and always 112 last. Every branch
 * ends in a next step or that sentence, never in silence.
 */
final class FallbackChain {
    private final Speech speech;
    private final Rota rota;
    private final List<HotlineConfig.FallbackOption> order;
    private final Optional<PhoneNumber> backup;
    private final Optional<PhoneNumber> hotlineNumber;
    private final int backupRingSeconds;
    private final ZoneId zone;
    private final Clock clock;

    FallbackChain(Speech speech, Rota rota, HotlineConfig config, Clock clock) {
        this.speech = speech;
        this.rota = rota;
        this.order = config.fallbackOrder();
        this.backup = config.fallbackNumber();
        this.hotlineNumber = config.hotlineNumber();
        this.backupRingSeconds = config.routing().maxRingSeconds();
        this.zone = config.zone();
        this.clock = clock;
    }

    /** The chain from option {@code from} on (0 = the first configured option). */
    String from(Handle tx, CallContext ctx, String language, int from) {
        return from(tx, ctx, language, from, new VoiceResponse.Builder());
    }

    /** The same, after what {@code response} already says. */
    String from(Handle tx, CallContext ctx, String language, int from, VoiceResponse.Builder response) {
        for (int i = from; i < order.size(); i++) {
            switch (order.get(i)) {
                case BACKUP -> {
                    if (backup.isPresent()) {
                        var dial = new Dial.Builder().timeout(backupRingSeconds)
                                .action(VoicePaths.fallbackNext(language, i))
                                .number(new Number.Builder(backup.get().e164()).url(VoicePaths.BACKUP_SCREEN).build());
                        hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
                        return response.say(speech.say(language, "connecting")).dial(dial.build()).build().toXml();
                    }
                }
                case CALLBACK -> {
                    if (ctx.caller().isPresent()) {
                        // No key is a "no": the chain goes on after this option.
                        return response.gather(new Gather.Builder().numDigits(1).timeout(6)
                                        .action(VoicePaths.callbackConfirm(language, i))
                                        .say(speech.say(language, "callbackOffer")).build())
                                .redirect(new Redirect.Builder(VoicePaths.callbackConfirm(language, i)).build())
                                .build().toXml();
                    }
                }
                case CLOSED -> response.say(closed(tx, language));
            }
        }
        return end(response, language);
    }

    /**
     * After a talk or a callback request: one follow-up text offered (press 1) when we have the
     * caller's number, then goodbye and 112. No key is a no.
     */
    String offerFollowup(CallContext ctx, String language, String source, VoiceResponse.Builder response) {
        if (ctx.caller().isPresent()) {
            response.gather(new Gather.Builder().numDigits(1).timeout(5).action(VoicePaths.followup(language, source))
                    .say(speech.say(language, "followupOffer")).build());
        }
        return end(response.say(speech.say(language, "goodbye")), language);
    }

    /** 112, and the call ends. */
    String end(VoiceResponse.Builder response, String language) {
        return response.say(speech.say(language, "emergency")).hangup(new Hangup.Builder().build()).build().toXml();
    }

    private com.twilio.twiml.voice.Say closed(Handle tx, String language) {
        Instant now = clock.instant();
        Optional<Instant> next = rota.nextShiftStart(tx, now).filter(t -> Duration.between(now, t).toMinutes() >= 1);
        return next.map(t -> speech.say(language, "closedUntil", Map.of("next", spoken(t, language))))
                .orElseGet(() -> speech.say(language, "closed"));
    }

    /** "mandag den 30. november klokken 17.00" / "Monday 30 November at 17:00", in the rota's zone. */
    String spoken(Instant t, String language) {
        var local = t.atZone(zone);
        return "da".equals(language)
                ? local.format(DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM 'klokken' HH.mm", Locale.forLanguageTag("da")))
                : local.format(DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH));
    }
}
