package dk.hotline.console;

import dk.hotline.followups.FollowupsModule;
import dk.hotline.rota.Leader;
import dk.hotline.rota.RotaModule;
import dk.hotline.sms.Conversations;
import dk.hotline.voice.CallRecords;
import dk.hotline.web.Messages;
import dk.hotline.web.Pages;
import dk.hotline.web.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /}: I dag / Today, what a coordinator needs at a glance: who is on call now and next,
 * calls going on and waiting in the queue, open callback requests, what was missed since
 * yesterday, and the hours nobody is on call in the coming week. htmx asks for the live part again
 * every 20 seconds ({@code /today/live}); without JavaScript the page is as it was loaded.
 */
final class TodayPage {
    /** A call not over after this long lost its end (a status callback that never came). */
    private static final Duration LIVE_CALLS = Duration.ofHours(4);
    private static final Duration GAPS_AHEAD = Duration.ofDays(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Jdbi jdbi;
    private final Pages pages;
    private final RotaModule rota;
    private final CallRecords calls;
    private final FollowupsModule followups;
    private final Conversations conversations;
    private final ZoneId zone;
    private final Clock clock;

    TodayPage(Jdbi jdbi, Pages pages, RotaModule rota, CallRecords calls, FollowupsModule followups,
              Conversations conversations, ZoneId zone, Clock clock) {
        this.jdbi = jdbi;
        this.pages = pages;
        this.rota = rota;
        this.calls = calls;
        this.followups = followups;
        this.conversations = conversations;
        this.zone = zone;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> pages.render(ctx, "today.jte", "today.title", view(ctx)));
        routes.get("/today/live", ctx -> pages.fragment(ctx, "today_live.jte", view(ctx)));
    }

    private TodayView view(Context ctx) {
        Principal principal = Principal.of(ctx);
        Messages t = pages.messages(ctx);
        var times = new Times(t.language().locale());
        Instant now = clock.instant();
        Instant sinceYesterday = ZonedDateTime.now(clock.withZone(zone)).toLocalDate().minusDays(1).atStartOfDay(zone)
                .toInstant();
        return jdbi.inTransaction(tx -> {
            Map<Long, Leader> leaders = new HashMap<>();
            rota.leaders().all(tx).forEach(l -> leaders.put(l.id(), l));
            List<Long> onShift = rota.rota().leadersOnShift(tx, now);
            List<String> onCall = names(onShift.stream().map(leaders::get).filter(l -> l != null && l.available()).toList());
            List<String> off = names(onShift.stream().map(leaders::get).filter(l -> l != null && !l.available()).toList());
            Optional<Instant> next = rota.rota().nextShiftStart(tx, now);
            List<String> onCallNext = next.map(at -> names(rota.rota().leadersOnShift(tx, at).stream()
                    .map(leaders::get).filter(l -> l != null).toList())).orElse(List.of());
            // A leader account sees the requests it was told of, as on /callbacks.
            var callbacks = CallbackAccess.visible(tx, followups.callbacks(), principal, followups.callbacks().list(tx, "open")).stream()
                    .map(r -> new TodayView.Item(times.when(r.createdAt(), now), t.get("today.callback", r.id(), r.phone().masked(),
                            t.get("today.time." + r.preferredTime()))))
                    .toList();
            var unanswered = conversations.unanswered(sinceYesterday,
                            principal.coordinator() ? Optional.empty() : principal.leaderId()).stream()
                    .map(c -> new TodayView.Item(times.when(c.waitingSince(), now), t.get("today.conversation", c.tag(), c.texts(),
                            c.leaderId().map(leaders::get).map(Leader::name).orElse(t.get("today.untaken")))))
                    .toList();
            if (!principal.coordinator()) {
                long own = principal.leaderId().orElseThrow();
                var shifts = rota.shifts().overlapping(now, now.plus(Duration.ofDays(14))).stream()
                        .filter(s -> s.leaderId() == own)
                        .map(s -> new TodayView.Item(times.day(s.start()), TIME.format(s.start().atZone(zone)) + "–"
                                + TIME.format(s.end().atZone(zone))))
                        .toList();
                return new TodayView(false, times.time(now), onCall, off, next.map(times::day).orElse(""), onCallNext, shifts,
                        List.of(), 0, callbacks, List.of(), unanswered, List.of());
            }
            var live = calls.live(now.minus(LIVE_CALLS));
            var liveItems = live.stream()
                    .map(c -> new TodayView.Item(TIME.format(c.arrivedAt().atZone(zone)), t.get("today.stage." + c.stage().name().toLowerCase(),
                            c.leaderId().map(leaders::get).map(Leader::name).orElse(""))))
                    .toList();
            int queued = (int) live.stream().filter(c -> c.stage() == CallRecords.Stage.QUEUED).count();
            var missed = calls.between(sinceYesterday, now).stream().filter(c -> c.outcome().missed())
                    .map(c -> new TodayView.Item(times.when(c.arrivedAt(), now), t.get("today.outcome." + c.outcome().code())))
                    .toList();
            var gaps = rota.rota().coverageGaps(now, now.plus(GAPS_AHEAD)).stream()
                    .map(g -> new TodayView.Item(times.day(g.start()), times.day(g.end())))
                    .toList();
            return new TodayView(true, times.time(now), onCall, off, next.map(times::day).orElse(""), onCallNext, List.of(),
                    liveItems, queued, callbacks, missed, unanswered, gaps);
        });
    }

    private static List<String> names(List<Leader> leaders) {
        return leaders.stream().map(Leader::name).sorted().toList();
    }

    /** Times as the page prints them, in the rota's zone and the reader's language. */
    private final class Times {
        private final DateTimeFormatter day;

        Times(Locale locale) {
            this.day = DateTimeFormatter.ofPattern("EEE d/M HH:mm", locale);
        }

        String time(Instant at) {
            return TIME.format(at.atZone(zone));
        }

        /** Today's just the time; an earlier day's with its day: "ons 2/12 14:05". */
        String when(Instant at, Instant now) {
            return at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()) ? time(at) : day(at);
        }

        String day(Instant at) {
            return day.format(at.atZone(zone));
        }
    }
}
