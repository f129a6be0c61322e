package dk.hotline.console;

import dk.hotline.rota.Leader;
import dk.hotline.rota.RotaModule;
import dk.hotline.rota.RotaTemplates;
import dk.hotline.rota.Shift;
import dk.hotline.rota.ShiftTemplate;
import dk.hotline.web.Messages;
import dk.hotline.web.Principal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * What the rota page shows for a week, from the reads the JSON API makes (shifts and gaps in the
 * week, leaders, weekly templates), in the reader's words and the rota's zone.
 */
final class RotaPageView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Jdbi jdbi;
    private final RotaModule rota;
    private final ZoneId zone;

    RotaPageView(Jdbi jdbi, RotaModule rota, ZoneId zone) {
        this.jdbi = jdbi;
        this.rota = rota;
        this.zone = zone;
    }

    /** {@code selected} is the shift whose forms are open; {@code refused} the form that was refused, if one was. */
    RotaView view(Principal principal, Messages t, RotaWeek week, Instant now, OptionalLong selected, String notice,
                  RotaInput.Refused refused) {
        Locale locale = t.language().locale();
        boolean coordinator = principal.coordinator();
        List<Shift> shifts = rota.shifts().overlapping(week.from(), week.to());
        var gaps = rota.rota().coverageGaps(week.from(), week.to());
        List<Leader> leaders = jdbi.withHandle(tx -> rota.leaders().all(tx));
        var inactive = leaders.stream().filter(l -> !l.active()).map(Leader::id).collect(Collectors.toSet());
        var days = week.days(shifts, gaps, now.atZone(zone).toLocalDate(), principal.leaderId(), inactive, coordinator, t);
        var options = leaders.stream().map(l -> new RotaView.Option(String.valueOf(l.id()),
                l.active() ? l.name() : t.get("rota.inactiveLeader", l.name()))).toList();
        Optional<Shift> chosen = coordinator && selected.isPresent()
                ? shifts.stream().filter(s -> s.id() == selected.getAsLong()).findFirst() : Optional.empty();

        List<RotaView.Problem> problems = List.of();
        Map<String, String> errors = Map.of();
        if (refused.error() != null) {
            String field = RotaInput.field(refused);
            String message = RotaInput.message(t, refused, leaderName(refused, chosen, leaders));
            problems = List.of(new RotaView.Problem(message, "#" + refused.form() + "-" + field));
            errors = Map.of(field, message);
        }
        var typed = new RotaView.Form(refused.values(), errors);
        var edit = chosen.map(s -> new RotaView.Edit(s.id(), summary(s, t),
                refused.is("move") ? typed : new RotaView.Form(Map.of("start", RotaInput.local(s.start(), zone),
                        "end", RotaInput.local(s.end(), zone)), Map.of()),
                refused.is("handOver") ? typed : RotaView.Form.EMPTY,
                options.stream().filter(o -> !o.value().equals(String.valueOf(s.leaderId()))).toList()));
        var templates = coordinator ? rota.templates().active().stream().map(x -> row(x, t)).toList()
                : List.<RotaView.TemplateRow>of();
        var weekdays = Arrays.stream(DayOfWeek.values())
                .map(d -> new RotaView.Option(d.name(), capitalised(d.getDisplayName(TextStyle.FULL, locale), locale))).toList();
        return new RotaView(coordinator, week.code(), heading(week, t), week.plus(-1).code(), week.plus(-1).number(),
                week.plus(1).code(), week.plus(1).number(), week.equals(RotaWeek.containing(now, zone)), days, gaps.size(), notice, problems,
                options, weekdays, refused.is("add") ? typed : RotaView.Form.EMPTY, edit, templates,
                refused.is("template") ? typed : RotaView.Form.EMPTY, zone.getId(), RotaTemplates.DEFAULT_WEEKS);
    }

    /** "Uge 49: 30. november – 6. december 2026"; the year on both ends when the week spans two. */
    private static String heading(RotaWeek week, Messages t) {
        Locale locale = t.language().locale();
        var withYear = DateTimeFormatter.ofPattern(t.get("rota.dateYearPattern"), locale);
        var first = week.monday().getYear() == week.sunday().getYear()
                ? DateTimeFormatter.ofPattern(t.get("rota.datePattern"), locale) : withYear;
        return t.get("rota.heading", String.valueOf(week.number()), first.format(week.monday()), withYear.format(week.sunday()));
    }

    /** "Maja, mandag 30/11 17:00–21:00", or with both days when it crosses midnight. */
    private String summary(Shift s, Messages t) {
        var day = DateTimeFormatter.ofPattern(t.get("rota.dayPattern"), t.language().locale());
        var start = s.start().atZone(zone);
        var end = s.end().atZone(zone);
        String when = start.toLocalDate().equals(end.toLocalDate())
                ? day.format(start) + " " + TIME.format(start) + "–" + TIME.format(end)
                : day.format(start) + " " + TIME.format(start) + " – " + day.format(end) + " " + TIME.format(end);
        return t.get("rota.summary", s.leaderName(), when);
    }

    private static RotaView.TemplateRow row(ShiftTemplate x, Messages t) {
        Locale locale = t.language().locale();
        String time = x.start() + "–" + x.end() + (x.overnight() ? " " + t.get("rota.overnight") : "");
        return new RotaView.TemplateRow(x.id(), capitalised(x.weekday().getDisplayName(TextStyle.FULL, locale), locale), time,
                x.leaderName());
    }

    /** Whose shift a refusal clashed with: the leader chosen in the form, else the shift's own. */
    private static String leaderName(RotaInput.Refused refused, Optional<Shift> chosen, List<Leader> leaders) {
        String id = refused.values().getOrDefault("leaderId", "");
        return leaders.stream().filter(l -> String.valueOf(l.id()).equals(id)).map(Leader::name).findFirst()
                .orElse(chosen.map(Shift::leaderName).orElse(""));
    }

    private static String capitalised(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
