package dk.hotline.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.testing.Await;
import dk.hotline.testing.ServiceProcess;
import dk.hotline.testing.TestDatabases;
import dk.hotline.twilio.MessageJournal;
import dk.hotline.twilio.TwilioStubs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the packaged service, started together on one database and one Twilio, share
 * 300 reminders due within half a minute: each participant gets exactly one text, none early.
 * How the work fell between them is reported, not asserted: one instance may legitimately take it all.
 */
class TwoInstancesIT {
    private static final int GROUPS = 10;
    private static final int PER_GROUP = 30;
    private static final Duration OFFSET = Duration.ofMinutes(2);
    private static final Duration SPACING = Duration.ofSeconds(3);
    private static final Duration SETUP = Duration.ofSeconds(15);
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final WireMockServer twilio = TwilioStubs.withJournal(new MessageJournal(Clock.systemUTC()));
    private DatabaseUrl db;

    @BeforeEach
    void start() {
        twilio.start();
        TwilioStubs.messagesInJournal(twilio);
        db = TestDatabases.create();
    }

    @AfterEach
    void stop() {
        twilio.stop();
        TestDatabases.drop(db);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachOf300RemindersOnceAndNotEarly(@TempDir Path dir) {
        long begin = System.nanoTime();
        // Started at the same moment, as two replicas of a new deployment are: both migrate, bootstrap and schedule at once.
        var first = ServiceProcess.start(ServiceProcess.logFile("TwoInstancesIT-a"),
                ReminderLoad.serviceEnv(db, twilio, ServiceProcess.freePort(), OFFSET, dir.resolve("a")));
        var second = ServiceProcess.start(ServiceProcess.logFile("TwoInstancesIT-b"),
                ReminderLoad.serviceEnv(db, twilio, ServiceProcess.freePort(), OFFSET, dir.resolve("b")));
        Jdbi jdbi = ReminderLoad.jdbi(db);
        ReminderLoad load = null;
        try {
            first.awaitHealthy(STARTUP);
            second.awaitHealthy(STARTUP);
            Instant firstDue = Instant.now().plus(SETUP).truncatedTo(ChronoUnit.SECONDS);
            load = ReminderLoad.setUp(first.baseUrl(), GROUPS, PER_GROUP, firstDue, SPACING, OFFSET);
            assertThat(Instant.now()).as("set up before the first reminder is due").isBefore(firstDue);
            Instant lastDue = firstDue.plus(SPACING.multipliedBy(GROUPS - 1));

            int size = load.size();
            Await.until("every participant has a text and the outbox is settled",
                    Duration.between(Instant.now(), lastDue).plus(Duration.ofSeconds(90)),
                    () -> ReminderLoad.receivedCount(twilio) >= size && ReminderLoad.outboxUnsettled(jdbi) == 0
                            && ReminderLoad.received(twilio).stream().map(ReminderLoad.Received::to).distinct().count() >= size);

            var tally = load.tally(ReminderLoad.received(twilio));
            load.assertEachSentOnceNotEarly(tally);
            assertThat(tally.texts()).as("texts to Twilio in all").isEqualTo(size);
            assertThat(ReminderLoad.remindersSent(jdbi)).as("reminders recorded as sent").isEqualTo(size);
            for (var service : List.of(first, second)) {
                assertThat(service.log()).doesNotContain("+4534").doesNotContain("•••").doesNotContain(" ERROR ");
            }
        } finally {
            System.out.printf("TwoInstancesIT: total=%ds %s %s a: %s b: %s%n",
                    Duration.ofNanos(System.nanoTime() - begin).toSeconds(),
                    load == null ? "" : load.tally(ReminderLoad.received(twilio)), ReminderLoad.state(jdbi),
                    work(first), work(second));
            first.close();
            second.close();
        }
    }

    /** What one instance's log says it did: reminder triggers fired (with their texts) and texts sent. */
    private static String work(ServiceProcess service) {
        String log = service.log();
        var fired = Pattern.compile("event=reminder\\.fired .* texts=(\\d+)").matcher(log);
        int triggers = 0;
        int queued = 0;
        while (fired.find()) {
            triggers++;
            queued += Integer.parseInt(fired.group(1));
        }
        long sent = log.lines().filter(l -> l.contains("event=outbox.sent ")).count();
        return "reminder_triggers_fired=" + triggers + " reminder_texts_queued=" + queued + " texts_sent=" + sent;
    }
}
