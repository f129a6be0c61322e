package dk.hotline.sms;

import dk.hotline.app.HotlineConfig;
import dk.hotline.flows.Texts;
import dk.hotline.followups.CallbackRequests;
import dk.hotline.followups.Followups;
import dk.hotline.groups.Attendance;
import dk.hotline.groups.GroupInterest;
import dk.hotline.outbox.Outbox;
import dk.hotline.outbox.Suppressions;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.rota.Leaders;
import dk.hotline.rota.Rota;
import dk.hotline.voice.CallbackCalls;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The {@code /twilio/sms} webhooks; built once by the composition root. */
public final class SmsRoutes {
    private final InboundSmsHandler inbound;
    private final MessageStatusHandler status;

    public SmsRoutes(HotlineConfig config, Jdbi jdbi, BlindIndex index, SmsKeywords keywords, Suppressions suppressions, Blocklist blocklist,
                     GroupInterest groupInterest, Attendance attendance, Followups followups, CallbackRequests callbacks, CallbackCalls callbackCalls, Relay relay,
                     Leaders leaders, Rota rota, Outbox outbox, Texts texts, Clock clock) {
        var rateLimit = new InboundRateLimit(index, config.sms().maxPerMinute());
        var survivors = new SurvivorTexts(keywords, suppressions, blocklist, rateLimit, groupInterest, attendance, followups, callbacks, relay,
                outbox, texts, clock);
        var leaderTexts = new LeaderTexts(keywords, leaders, rota, relay, callbackCalls, followups, texts, config.zone(), clock);
        this.inbound = new InboundSmsHandler(jdbi, leaders, survivors, leaderTexts, clock);
        this.status = new MessageStatusHandler(jdbi, clock);
    }

    public void register(RoutesConfig routes) {
        routes.post("/twilio/sms", inbound);
        routes.post("/twilio/sms/status", status);
    }
}
