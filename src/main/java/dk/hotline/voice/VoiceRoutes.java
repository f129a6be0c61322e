package dk.hotline.voice;

import dk.hotline.app.HotlineConfig;
import dk.hotline.flows.Flows;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.followups.Followups;
import dk.hotline.groups.GroupInterest;
import dk.hotline.outbox.Outbox;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import dk.hotline.routing.Router;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Every {@code /twilio/voice} path and the handler behind it; built once by the composition root. */
public final class VoiceRoutes {
    private final IncomingCallHandler incoming;
    private final CallFlowHandlers flow;
    private final ScreeningHandlers screening;
    private final QueueHandlers queue;
    private final FallbackHandlers fallback;
    private final CallbackDialHandlers callbackDial;
    private final CallStatusHandler status;
    private final VoicemailHandlers voicemail;
    private final FallbackAnswer staticFallback;

    public VoiceRoutes(HotlineConfig config, Flows flows, Jdbi jdbi, PersonalDataCipher cipher, BlindIndex index,
                       Rota rota, Router router, Outbox outbox, CallbackRequests callbacks, Followups followups,
                       GroupInterest interest,
                       Clock clock) {
        var speech = new Speech(flows);
        var voice = new VoiceTx(jdbi, new VoiceReplies(cipher, clock));
        var chain = new FallbackChain(speech, rota, config, clock);
        var steps = new StepRunner(flows.voice(), speech, router, chain, config, clock);
        this.incoming = new IncomingCallHandler(voice, steps, cipher, index, followups, clock);
        this.flow = new CallFlowHandlers(voice, steps, speech, chain, interest, clock);
        this.screening = new ScreeningHandlers(voice, speech, config.routing(), clock);
        this.queue = new QueueHandlers(voice, steps, speech, router, outbox, chain, config, clock);
        this.fallback = new FallbackHandlers(voice, speech, chain, callbacks, followups, clock);
        this.callbackDial = new CallbackDialHandlers(voice, speech, callbacks, config, clock);
        this.status = new CallStatusHandler(jdbi, clock);
        var voicemails = new Voicemails(new Leaders(jdbi, cipher, index, clock), rota, outbox, flows.texts(), clock);
        this.voicemail = new VoicemailHandlers(voice, speech, chain, voicemails, jdbi, clock);
        this.staticFallback = new FallbackAnswer(speech, config.fallbackNumber(), config.hotlineNumber());
    }

    public void register(RoutesConfig routes) {
        routes.post("/twilio/voice", incoming);
        routes.post("/twilio/voice/fallback", ctx -> VoiceTx.twiml(ctx, staticFallback.xml()));
        routes.post("/twilio/voice/status", status);
        routes.post(VoicePaths.BACKUP_SCREEN, ctx -> VoiceTx.twiml(ctx, staticFallback.screening()));
        routes.post(VoicePaths.BACKUP_SCREEN_ANSWER, ctx -> VoiceTx.twiml(ctx, staticFallback.screened(ctx.formParam("Digits"))));
        routes.post("/twilio/voice/step", flow::step);
        routes.post("/twilio/voice/menu", flow::menu);
        routes.post("/twilio/voice/interest", flow::groupInterest);
        routes.post("/twilio/voice/dialed", flow::dialed);
        routes.post("/twilio/voice/screen", screening::screen);
        routes.post("/twilio/voice/screen/answer", screening::answer);
        routes.post("/twilio/voice/queue/wait", queue::waitMusic);
        routes.post("/twilio/voice/queue/left", queue::left);
        routes.post("/twilio/voice/queue/connect", queue::connect);
        routes.post("/twilio/voice/queue/connect/answer", queue::connectAnswer);
        routes.post("/twilio/voice/queue/bridged", queue::bridged);
        routes.post("/twilio/voice/fallback/next", fallback::next);
        routes.post("/twilio/voice/callback/confirm", fallback::confirm);
        routes.post("/twilio/voice/callback/when", fallback::when);
        routes.post("/twilio/voice/followup", fallback::followup);
        routes.post("/twilio/voice/callback/leader", callbackDial::leader);
        routes.post("/twilio/voice/callback/leader/answer", callbackDial::answer);
        routes.post("/twilio/voice/callback/leader/dialed", callbackDial::dialed);
        routes.post("/twilio/voice/callback/survivor", callbackDial::survivor);
        routes.post("/twilio/voice/callback/survivor/answer", callbackDial::survivorAnswer);
        routes.post("/twilio/voice/voicemail/done", voicemail::done);
        routes.post(VoicePaths.VOICEMAIL_RECORDED, voicemail::recorded);
    }
}
