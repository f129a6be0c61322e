package dk.hotline.console;

import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.AuditLog;
import dk.hotline.rota.RotaModule;
import dk.hotline.sms.SmsModule;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.voice.VoiceModule;
import dk.hotline.web.ApiRoutes;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The JSON API coordinators use ({@code /api}): each resource a small handler class that reads the
 * request, calls one feature service and writes the answer. Every reveal of a number is audited.
 */
public final class ConsoleModule {
    private ConsoleModule() {}

    /** @param dryRun the gateway that records instead of sending, when there are no Twilio credentials */
    public static ApiRoutes create(Jdbi jdbi, AuditLog audit, RotaModule rota, OutboxModule outbox,
                                              VoiceModule voice, SmsModule sms, GroupsModule groups,
                                              FollowupsModule followups, Optional<DryRunTwilioGateway> dryRun,
                                              TwilioRecordings recordings, ZoneId zone) {
        var all = List.<ApiRoutes>of(
                new LeaderApi(jdbi, rota.leaders(), audit)::register,
                new ShiftApi(rota.shifts(), rota.rota(), zone)::register,
                new ShiftTemplateApi(rota.templates())::register,
                new CallbackApi(jdbi, followups.callbacks(), followups.callbackCalls(), audit)::register,
                new CallApi(voice.calls())::register,
                new MessageApi(sms.inbound(), outbox.texts(), zone)::register,
                new StatsApi(voice.stats(), sms.inbound(), outbox.texts(), groups.reminders(), zone)::register,
                new VoicemailApi(jdbi, voice.voicemails(), recordings, audit)::register,
                new GroupApi(groups.groups(), groups.sessions(), zone)::register,
                new FollowupApi(followups.followups(), zone)::register,
                new GroupInterestApi(jdbi, groups.interest(), groups.invitations(), audit, zone)::register,
                new DryRunApi(dryRun)::register,
                new BlocklistApi(jdbi, sms.blocklist(), audit)::register);
        return routes -> all.forEach(api -> api.register(routes));
    }
}
