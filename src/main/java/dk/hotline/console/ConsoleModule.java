package dk.hotline.console;

import dk.hotline.followups.FollowupsModule;
import dk.hotline.groups.GroupsModule;
import dk.hotline.notes.NotesModule;
import dk.hotline.outbox.OutboxModule;
import dk.hotline.privacy.AuditLog;
import dk.hotline.privacy.Retention;
import dk.hotline.privacy.Subjects;
import dk.hotline.rota.RotaModule;
import dk.hotline.sms.SmsModule;
import dk.hotline.twilio.DryRunTwilioGateway;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.voice.VoiceModule;
import dk.hotline.web.AccountsModule;
import dk.hotline.web.FeatureRoutes;
import dk.hotline.web.NavEntry;
import dk.hotline.web.Pages;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What coordinators and leaders use: the JSON API ({@code /api}) and the console's pages. Each
 * resource or page is a small handler class that reads the request, calls the features' services
 * and writes the answer; every reveal of a number is audited.
 */
public record ConsoleModule(FeatureRoutes api, FeatureRoutes pages) {
    /** The console's menu, in its order. */
    public static final List<NavEntry> MENU = List.of(
            new NavEntry("/", "menu.today", false),
            new NavEntry("/rota", "menu.rota", false),
            new NavEntry("/callbacks", "menu.callbacks", false),
            new NavEntry("/calls", "menu.calls", false),
            new NavEntry("/messages", "menu.texts", false),
            new NavEntry("/notes", "menu.notes", false),
            new NavEntry("/groups", "menu.groups", true),
            new NavEntry("/leaders", "menu.leaders", true),
            NavEntry.forLeaders("/leaders/me", "menu.leaderSelf"),
            new NavEntry("/stats", "menu.stats", true),
            new NavEntry("/outbox", "menu.outbox", true),
            new NavEntry("/accounts", "menu.accounts", true),
            new NavEntry("/audit", "menu.audit", true),
            new NavEntry("/subjects", "menu.subjects", true));

    /** @param dryRun the gateway that records instead of sending, when there are no Twilio credentials */
    public static ConsoleModule create(Jdbi jdbi, AuditLog audit, Retention retention, Pages pages, AccountsModule accounts,
                                       URI publicUrl,
                                       RotaModule rota, OutboxModule outbox,
                                       VoiceModule voice, SmsModule sms, GroupsModule groups, FollowupsModule followups,
                                       NotesModule notes, Subjects subjects,
                                       Optional<DryRunTwilioGateway> dryRun, TwilioRecordings recordings, ZoneId zone,
                                       Clock clock) {
        var statsReport = new StatsReport(voice.stats(), sms.inbound(), outbox.texts(), groups.reminders(), notes.counts(), zone);
        var api = List.<FeatureRoutes>of(
                new LeaderApi(jdbi, rota.leaders(), audit, rota.calendarFeeds(), publicUrl, groups.groups().leading())::register,
                new ShiftApi(rota.shifts(), rota.rota(), audit, zone)::register,
                new ShiftTemplateApi(rota.templates(), audit)::register,
                new CallbackApi(jdbi, followups.callbacks(), followups.callbackCalls(), audit)::register,
                new CallApi(voice.calls())::register,
                new MessageApi(sms.inbound(), outbox.texts(), zone)::register,
                new StatsApi(voice.stats(), sms.inbound(), outbox.texts(), groups.reminders(), statsReport)::register,
                new VoicemailApi(jdbi, voice.voicemails(), recordings, audit)::register,
                new GroupApi(groups.groups(), groups.sessions(), zone)::register,
                new FollowupApi(followups.followups(), zone)::register,
                new GroupInterestApi(jdbi, groups.interest(), groups.invitations(), audit, zone)::register,
                new DryRunApi(dryRun)::register,
                new BlocklistApi(jdbi, sms.blocklist(), audit)::register,
                new AccountApi(jdbi, accounts.accounts(), accounts.links(), rota.leaders(), publicUrl, audit)::register,
                new CalendarLinkApi(rota.calendarFeeds(), publicUrl)::register,
                new AuditApi(jdbi, audit, accounts.accounts(), zone)::register,
                new ConversationApi(sms.log(), zone)::register,
                new OutboxApi(outbox.log(), zone)::register,
                new NoteApi(notes)::register,
                new SubjectApi(jdbi, subjects, rota.leaders())::register);
        var times = new LocalTimes(zone);
        var groupPage = new GroupPage(jdbi, pages, groups.groups(), rota.leaders(), times, clock);
        var calendarLink = new CalendarLinkPage(jdbi, pages, rota.leaders(), rota.calendarFeeds(), publicUrl, times);
        var consolePages = List.<FeatureRoutes>of(
                new TodayPage(jdbi, pages, rota, voice.calls(), followups, sms.conversations(), zone, clock)::register,
                new RotaPage(new RotaPageView(jdbi, rota, zone), pages, rota, audit, zone, clock)::register,
                // Before /groups/{id}, which would otherwise take "interest" for an id.
                new GroupInterestPage(jdbi, pages, groups.groups(), groups.interest(), groups.invitations(), times)::register,
                new GroupsPage(jdbi, pages, groups.groups(), rota.leaders(), times, clock)::register,
                groupPage::register,
                new SessionPage(pages, groups.groups(), groups.sessions(), groupPage, times)::register,
                new LeadersPage(jdbi, pages, rota.leaders(), calendarLink, groups.groups().leading(), audit)::register,
                calendarLink::register,
                new CalendarFeed(rota.calendarFeeds(), new ShiftCalendar(zone, publicUrl.getHost(), clock))::register,
                new LeaderRevealPage(jdbi, pages, rota.leaders(), audit)::register,
                new CallbacksPage(jdbi, pages, followups.callbacks(), followups.callbackCalls(), rota.leaders(), times, clock)::register,
                new CallbackRevealPage(jdbi, pages, followups.callbacks(), audit)::register,
                new CallsPage(pages, voice.calls(), times, zone, clock)::register,
                new AccountsPage(jdbi, pages, accounts.accounts(), accounts.links(), rota.leaders(), publicUrl, zone, audit)::register,
                new StatsPage(pages, statsReport, clock)::register,
                new AuditPage(jdbi, pages, audit, accounts.accounts(), rota.leaders(), retention, zone)::register,
                new TextsPage(jdbi, pages, sms.log(), rota.leaders(), zone)::register,
                new OutboxPage(pages, outbox.log(), dryRun.isPresent(), zone)::register,
                // Before /notes/{id}, which would otherwise take "categories" for an id.
                new NoteCategoriesPage(pages, notes.categories())::register,
                new NotesPage(jdbi, pages, notes, rota.leaders(), times, clock)::register,
                new NoteFormPage(pages, notes)::register,
                new SubjectPage(jdbi, pages, subjects, rota.leaders())::register);
        return new ConsoleModule(routes -> api.forEach(r -> r.register(routes)),
                routes -> consolePages.forEach(r -> r.register(routes)));
    }
}
