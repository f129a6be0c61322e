package dk.hotline.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.HotlineFixture;
import dk.hotline.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A group made for a whole year gets every reminder of every week at once, and none that was due before it was made. */
class YearLongGroupTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration TWO_HOURS = Duration.ofHours(2);
    private static final MutableClock clock = new MutableClock(Instant.parse("2027-01-01T10:00:00Z"));
    /** A reminder trigger's name is {@code session-<id>-<start>-<offset>s}. */
    private static final String OF_SESSIONS = "split_part(trigger_name, '-', 2)::bigint = ANY(:sessions)";
    private static HotlineFixture hotline;

    @BeforeAll
    static void start() {
        hotline = HotlineFixture.start(clock);
    }

    @AfterAll
    static void stop() {
        hotline.close();
    }

    @Test
    void aFiftyTwoWeekGroupHasBothRemindersOfEveryWeekButNoneThatWasDueBeforeItWasMade() {
        var coordinator = hotline.coordinator();
        long leader = coordinator.leader("Maja", "+4520000061", List.of("da"));
        long group = coordinator.group("Årsgruppen", "Fredagsholdet", leader, "2027-01-01T17:00:00+01:00", 52);
        List<Long> sessions = coordinator.sessions(group);
        var service = hotline.service();

        assertThat(sessions).hasSize(52);
        assertThat(service.reminderScheduledAt(sessions.get(0), DAY)).as("due yesterday, before the group was made").isEmpty();
        assertThat(service.reminderScheduledAt(sessions.get(0), TWO_HOURS)).contains(at("2027-01-01T15:00:00+01:00"));
        // Across the start of summer time (28 March): still 17:00 the day before, on the local clock.
        assertThat(service.reminderScheduledAt(sessions.get(13), DAY)).contains(at("2027-04-01T17:00:00+02:00"));
        assertThat(service.reminderScheduledAt(sessions.get(51), DAY)).contains(at("2027-12-23T17:00:00+01:00"));
        assertThat(service.reminderScheduledAt(sessions.get(51), TWO_HOURS)).contains(at("2027-12-24T15:00:00+01:00"));
        assertThat(pending(sessions)).as("51 weeks with two reminders, the first with one").isEqualTo(103);
    }

    @Test
    void theHourlyCheckPutsBackEveryLostTriggerOfAYearLongGroup() {
        var coordinator = hotline.coordinator();
        long leader = coordinator.leader("Ane", "+4520000062", List.of("da"));
        long group = coordinator.group("Årsgruppen B", "Lørdagsholdet", leader, "2027-01-02T17:00:00+01:00", 52);
        List<Long> sessions = coordinator.sessions(group);
        var service = hotline.service();
        // As if the service died between saving the group and writing its triggers.
        for (String table : List.of("qrtz_simple_triggers", "qrtz_triggers")) {
            service.jdbi().useHandle(h -> h.createUpdate("DELETE FROM " + table + " WHERE trigger_group = 'reminders' AND " + OF_SESSIONS)
                    .bind("sessions", sessions.toArray(new Long[0])).execute());
        }
        assertThat(pending(sessions)).isZero();

        service.runJob(ReminderCheckJob.class);

        assertThat(pending(sessions)).isEqualTo(104);
        assertThat(service.reminderScheduledAt(sessions.get(0), DAY)).contains(at("2027-01-01T17:00:00+01:00"));
        assertThat(service.reminderScheduledAt(sessions.get(51), TWO_HOURS)).contains(at("2027-12-25T15:00:00+01:00"));
    }

    /** The reminder triggers of these sessions in Quartz's table. */
    private static long pending(List<Long> sessions) {
        return hotline.service().jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'reminders' AND " + OF_SESSIONS)
                .bind("sessions", sessions.toArray(new Long[0])).mapTo(Long.class).one());
    }

    private static Instant at(String offsetTime) {
        return OffsetDateTime.parse(offsetTime).toInstant();
    }
}
