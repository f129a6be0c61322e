package dk.hotline.demo;

import dk.hotline.groups.Group;
import dk.hotline.groups.GroupInput;
import dk.hotline.groups.Groups;
import dk.hotline.groups.ParticipantInput;
import dk.hotline.privacy.PhoneNumber;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo's two support groups: weekly sessions that began four weeks ago and go on for six more,
 * each with a leader and six participants, some of them English speakers. The groups' service
 * makes each group from its next session on (so their reminders are scheduled as any group's
 * are; it takes no group that has begun), and the four sessions already held go into the table as
 * history.
 */
final class DemoGroups {
    static final int WEEKS_BEFORE = 4;
    static final int WEEKS = 10;
    private static final int CAPACITY = 8;
    private static final int MINUTES = 120;

    /** A participant as the history needs them: who, at which number, in which language, and whether texts may go to them. */
    record Member(long id, PhoneNumber phone, String language, boolean smsConsent) {}

    /** A group made, with its members. */
    record Made(Group group, List<Member> members) {}

    private record GroupSpec(String name, String location, DayOfWeek day, LocalTime at, String leader,
                             List<DemoPeople.ParticipantSpec> people) {}

    private static final List<GroupSpec> GROUPS = List.of(
            new GroupSpec("Onsdagsholdet", "Lokale 2, 1. sal", DayOfWeek.WEDNESDAY, LocalTime.of(17, 0), "Camilla",
                    DemoPeople.WEDNESDAY),
            new GroupSpec("Torsdagsholdet", "Mødelokalet i gården", DayOfWeek.THURSDAY, LocalTime.of(18, 0), "Aisha",
                    DemoPeople.THURSDAY));

    private DemoGroups() {}

    static List<Made> make(Groups groups, Jdbi jdbi, java.util.function.Function<String, Long> leaderByName, Instant now,
                           ZoneId zone) {
        var made = new ArrayList<Made>();
        int number = DemoNumbers.PARTICIPANTS;
        LocalDate thisWeek = now.atZone(zone).toLocalDate().with(DayOfWeek.MONDAY);
        for (var spec : GROUPS) {
            var next = ZonedDateTime.of(thisWeek.with(spec.day()), spec.at(), zone);
            if (!next.toInstant().isAfter(now)) {
                next = next.plusWeeks(1);
            }
            // The name is also the group's name in texts: a weekday and a team say nothing about what it is.
            var group = groups.create(new GroupInput(spec.name(), spec.name(), spec.location(), leaderByName.apply(spec.leader()),
                    CAPACITY, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(next), WEEKS - WEEKS_BEFORE, MINUTES));
            var held = next;
            jdbi.useHandle(h -> {
                for (int week = 1; week <= WEEKS_BEFORE; week++) {
                    var start = held.minusWeeks(week);
                    h.createUpdate("INSERT INTO group_sessions (group_id, starts_at, ends_at) VALUES (:group, :start, :end)")
                            .bind("group", group.id()).bind("start", start.toInstant())
                            .bind("end", start.plusMinutes(MINUTES).toInstant()).execute();
                }
            });
            var members = new ArrayList<Member>();
            for (var person : spec.people()) {
                long id = groups.addParticipant(group.id(), new ParticipantInput(person.name(), DemoNumbers.text(number),
                        person.smsConsent(), person.language()));
                members.add(new Member(id, DemoNumbers.of(number), person.language(), person.smsConsent()));
                number++;
            }
            made.add(new Made(groups.byId(group.id()).orElseThrow(), members));
        }
        return made;
    }
}
