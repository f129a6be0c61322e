package dk.hotline.voice;

import dk.hotline.flows.Flows;
import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.privacy.RetentionRule;
import dk.hotline.privacy.SealedTable;
import dk.hotline.privacy.Sealing;
import dk.hotline.privacy.SubjectRecords;
import dk.hotline.rota.RotaModule;
import dk.hotline.routing.RoutingModule;
import dk.hotline.twilio.Reply;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.twilio.Webhook;
import dk.hotline.twilio.WebhookHandler;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Calls to the hotline's number: the voice flow, ringing leaders with screening, the hold queue,
 * the fallback chain, callbacks placed through the service, voicemail, and the call log.
 */
public record VoiceModule(Map<Webhook, WebhookHandler> webhooks, CallRecords calls, CallStats stats, Voicemails voicemails) {
    /** What retention erases of calls, and of voicemail recordings (at Twilio, through {@code recordings}). */
    public static List<RetentionRule> retention(TwilioRecordings recordings) {
        return List.of(new CallRetention(), new VoicemailRetention(recordings::delete));
    }

    /** What a key rotation re-seals: callers' numbers, and the replies kept for Twilio's retries. */
    public static final List<SealedTable> SEALED = List.of(
            SealedTable.number("calls", "caller_sealed", "caller_index"),
            SealedTable.values("voice_replies", "reply_sealed"));

    /** The calls' part of a person's access and erasure requests; recordings are deleted at Twilio through {@code recordings}. */
    public static SubjectRecords subjects(Sealing sealing, TwilioRecordings recordings, Clock clock) {
        return new CallSubjectRecords(sealing.cipher(), recordings::delete, clock);
    }

    /**
     * @param hotlineNumber the caller id leaders see when they are rung (the hotline's, never the caller's)
     */
    public static VoiceModule create(Jdbi jdbi, Sealing sealing, Flows flows, OutboxModule outbox, RotaModule rota,
                                     RoutingModule routing, FollowupsModule followups, GroupsModule groups,
                                     Optional<PhoneNumber> hotlineNumber, FallbackSettings fallbackSettings,
                                     QueueSettings queueSettings, ZoneId zone, Clock clock) {
        var speech = new Speech(flows);
        var voice = new VoiceTx(jdbi, new VoiceReplies(sealing.cipher(), clock));
        var offers = routing.offers();
        var fallback = new FallbackChain(speech, rota.rota(), fallbackSettings, hotlineNumber,
                routing.settings().maxRingSeconds(), zone, clock);
        var steps = new StepRunner(flows.voice(), speech, routing.router(), fallback, routing.settings(), hotlineNumber,
                clock);
        var flow = new CallFlowHandlers(voice, steps, speech, fallback, groups.interest(), offers, clock);
        var screening = new ScreeningHandlers(voice, speech, offers, routing.settings(), clock);
        var queue = new QueueHandlers(voice, steps, speech, routing.router(), offers, outbox.outbox(), fallback, queueSettings,
                routing.settings(), clock);
        var fallbacks = new FallbackHandlers(voice, speech, fallback, followups.callbacks(), followups.followups(), clock);
        var callbackDial = new CallbackDialHandlers(voice, speech, followups.callbacks(), offers, routing.settings(),
                hotlineNumber);
        var voicemails = new Voicemails(rota.leaders(), rota.rota(), outbox.outbox(), flows.texts(), clock);
        var voicemail = new VoicemailHandlers(voice, speech, fallback, voicemails, jdbi, clock);
        var staticFallback = new FallbackAnswer(speech, fallbackSettings.number(), hotlineNumber);

        var webhooks = new EnumMap<Webhook, WebhookHandler>(Webhook.class);
        var arrivals = new Arrivals(jdbi, followups.followups());
        webhooks.put(Webhook.VOICE, new IncomingCallHandler(voice, steps, arrivals, sealing.cipher(), sealing.index(), clock));
        webhooks.put(Webhook.VOICE_FALLBACK, request -> Reply.twiml(staticFallback.xml()));
        webhooks.put(Webhook.VOICE_STATUS, new CallStatusHandler(jdbi, offers, outbox.outbox(), clock));
        // A leader's offer ends with the call that was to make it: reported by its status callback
        // above, or, for a call Twilio never placed, by the outbox giving up on it.
        outbox.dispatcher().onCallGivenUp(offers::closeForOutbox);
        webhooks.put(Webhook.BACKUP_SCREEN, request -> Reply.twiml(staticFallback.screening()));
        webhooks.put(Webhook.BACKUP_SCREEN_ANSWER,
                request -> Reply.twiml(staticFallback.screened(request.form().optional("Digits").orElse(null))));
        webhooks.put(Webhook.STEP, flow::step);
        webhooks.put(Webhook.MENU, flow::menu);
        webhooks.put(Webhook.GROUP_INTEREST, flow::groupInterest);
        webhooks.put(Webhook.DIALED, flow::dialed);
        webhooks.put(Webhook.SCREEN, screening::screen);
        webhooks.put(Webhook.SCREEN_ANSWER, screening::answer);
        webhooks.put(Webhook.QUEUE_WAIT, queue::waitMusic);
        webhooks.put(Webhook.QUEUE_LEFT, queue::left);
        webhooks.put(Webhook.QUEUE_CONNECT, queue::connect);
        webhooks.put(Webhook.QUEUE_CONNECT_ANSWER, queue::connectAnswer);
        webhooks.put(Webhook.QUEUE_BRIDGED, queue::bridged);
        webhooks.put(Webhook.FALLBACK_NEXT, fallbacks::next);
        webhooks.put(Webhook.CALLBACK_CONFIRM, fallbacks::confirm);
        webhooks.put(Webhook.CALLBACK_WHEN, fallbacks::when);
        webhooks.put(Webhook.FOLLOWUP, fallbacks::followup);
        webhooks.put(Webhook.CALLBACK_LEADER, callbackDial::leader);
        webhooks.put(Webhook.CALLBACK_LEADER_ANSWER, callbackDial::answer);
        webhooks.put(Webhook.CALLBACK_LEADER_DIALED, callbackDial::dialed);
        webhooks.put(Webhook.CALLBACK_SURVIVOR, callbackDial::survivor);
        webhooks.put(Webhook.CALLBACK_SURVIVOR_ANSWER, callbackDial::survivorAnswer);
        webhooks.put(Webhook.VOICEMAIL_DONE, voicemail::done);
        webhooks.put(Webhook.VOICEMAIL_RECORDED, voicemail::recorded);

        return new VoiceModule(Map.copyOf(webhooks), new CallRecords(jdbi, sealing.cipher(), rota.leaders(), offers),
                new CallStats(jdbi), voicemails);
    }
}
