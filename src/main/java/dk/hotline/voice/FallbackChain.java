package dk.hotline.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Redirect;
import dk.hotline.common.Language;
import dk.hotline.flows.Text;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.rota.Rota;
import dk.hotline.twilio.Webhook;
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
    private final List<FallbackSettings.Option> order;
    private final Optional<PhoneNumber> backup;
    private final Optional<PhoneNumber> hotlineNumber;
    private final int backupRingSeconds;
    private final ZoneId zone;
    private final Clock clock;

    /** {@code backupRingSeconds}: how long the backup number rings (routing's longest ring). */
    FallbackChain(Speech speech, Rota rota, FallbackSettings settings, Optional<PhoneNumber> hotlineNumber,
                  int backupRingSeconds, ZoneId zone, Clock clock) {
        this.speech = speech;
        this.rota = rota;
        this.order = settings.order();
        this.backup = settings.number();
        this.hotlineNumber = hotlineNumber;
        this.backupRingSeconds = backupRingSeconds;
        this.zone = zone;
        this.clock = clock;
    }

    /** The chain from option {@code from} on (0 = the first configured option). */
    String from(Handle tx, CallContext ctx, Language language, int from) {
        return from(tx, ctx, language, from, new VoiceResponse.Builder());
    }

    /** The same, after what {@code response} already says. */
    String from(Handle tx, CallContext ctx, Language language, int from, VoiceResponse.Builder response) {
        for (int i = from; i < order.size(); i++) {
            switch (order.get(i)) {
                case BACKUP -> {
                    if (backup.isPresent()) {
                        var dial = new Dial.Builder().timeout(backupRingSeconds)
                                .action(Webhook.FALLBACK_NEXT.url(language, i))
                                .number(new Number.Builder(backup.get().e164()).url(Webhook.BACKUP_SCREEN.url()).build());
                        hotlineNumber.ifPresent(n -> dial.callerId(n.e164()));
                        return response.say(speech.say(language, Text.CONNECTING)).dial(dial.build()).build().toXml();
                    }
                }
                case CALLBACK -> {
                    if (ctx.caller().isPresent()) {
                        // No key is a "no": the chain goes on after this option.
                        return response.gather(new Gather.Builder().numDigits(1).timeout(6)
                                        .action(Webhook.CALLBACK_CONFIRM.url(language, i))
                                        .say(speech.say(language, Text.CALLBACK_OFFER)).build())
                                .redirect(new Redirect.Builder(Webhook.CALLBACK_CONFIRM.url(language, i)).build())
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
    String offerFollowup(CallContext ctx, Language language, String source, VoiceResponse.Builder response) {
        if (ctx.caller().isPresent()) {
            response.gather(new Gather.Builder().numDigits(1).timeout(5).action(Webhook.FOLLOWUP.url(language, source))
                    .say(speech.say(language, Text.FOLLOWUP_OFFER)).build());
        }
        return end(response.say(speech.say(language, Text.GOODBYE)), language);
    }

    /** 112, and the call ends. */
    String end(VoiceResponse.Builder response, Language language) {
        return response.say(speech.say(language, Text.EMERGENCY)).hangup(new Hangup.Builder().build()).build().toXml();
    }

    private com.twilio.twiml.voice.Say closed(Handle tx, Language language) {
        Instant now = clock.instant();
        Optional<Instant> next = rota.nextShiftStart(tx, now).filter(t -> Duration.between(now, t).toMinutes() >= 1);
        return next.map(t -> speech.say(language, Text.CLOSED_UNTIL, Map.of("next", spoken(t, language))))
                .orElseGet(() -> speech.say(language, Text.CLOSED));
    }

    /** "mandag den 30. november klokken 17.00" / "Monday 30 November at 17:00", in the rota's zone. */
    String spoken(Instant t, Language language) {
        var local = t.atZone(zone);
        return language == Language.DANISH
                ? local.format(DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM 'klokken' HH.mm", Language.DANISH.locale()))
                : local.format(DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH));
    }
}
