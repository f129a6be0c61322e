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
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thousand reminders due within a minute, sent by the packaged service while it is killed
 * (SIGKILL: no shutdown hook, sends cut off mid-way) twice and restarted on the same database:
 * every participant still gets exactly one text, and none before its reminder is due.
 * Waiting here is for real time to pass, as it must in a restart test; each wait is for
 * something WireMock or the database shows.
 */
class ReminderRestartIT {
    private static final int GROUPS = 20;
    private static final int PER_GROUP = 50;
    private static final Duration OFFSET = Duration.ofMinutes(2);
    /** 20 groups 3 s apart: the reminders are due over 57 s, 50 at a time. */
    private static final Duration SPACING = Duration.ofSeconds(3);
    /** Time to add 1,000 participants over HTTP before the first reminder is due. */
    private static final Duration SETUP = Duration.ofSeconds(30);
    /** Mid-burst: a group's 50 texts are under way at each kill. */
    private static final int FIRST_KILL_AT = 325;
    private static final int SECOND_KILL_AT = 675;
    private static final Duration STARTUP = Duration.ofSeconds(90);

    /** Twilio keeps every text it took and lists them, so a restarted service can ask whether a text went before sending it again. */
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
    void eachOfAThousandRemindersIsSentOnceAndNotEarlyThoughTheServiceIsKilledTwice(@TempDir Path dir) {
        long begin = System.nanoTime();
        Map<String, String> env = ReminderLoad.serviceEnv(db, twilio, ServiceProcess.freePort(), OFFSET, dir.resolve("data"));
        Path log = ServiceProcess.logFile("ReminderRestartIT");
        ServiceProcess service = ServiceProcess.startHealthy(log, env, STARTUP);
        Jdbi jdbi = ReminderLoad.jdbi(db);
        ReminderLoad load = null;
        try {
            Instant firstDue = Instant.now().plus(SETUP).truncatedTo(ChronoUnit.SECONDS);
            load = ReminderLoad.setUp(service.baseUrl(), GROUPS, PER_GROUP, firstDue, SPACING, OFFSET);
            System.out.printf("ReminderRestartIT: set up %d reminders, %ds before the first is due%n", load.size(),
                    Duration.between(Instant.now(), firstDue).toSeconds());
            assertThat(Instant.now()).as("set up before the first reminder is due").isBefore(firstDue);
            Instant lastDue = firstDue.plus(SPACING.multipliedBy(GROUPS - 1));

            kills[0] = killAt(service, FIRST_KILL_AT, lastDue);
            service = ServiceProcess.startHealthy(log, env, STARTUP);
            kills[1] = killAt(service, SECOND_KILL_AT, lastDue);
            service = ServiceProcess.startHealthy(log, env, STARTUP);

            // Every participant texted, and every outbox row settled: a row the killed instance had
            // claimed is taken up again only after the claim timeout, so this is when a second text would come.
            int size = load.size();
            Await.until("every participant has a text and the outbox is settled", Duration.ofMinutes(3),
                    () -> ReminderLoad.receivedCount(twilio) >= size && ReminderLoad.outboxUnsettled(jdbi) == 0
                            && ReminderLoad.received(twilio).stream().map(ReminderLoad.Received::to).distinct().count() >= size);

            var tally = load.tally(ReminderLoad.received(twilio));
            load.assertEachSentOnceNotEarly(tally);
            assertThat(ReminderLoad.remindersSent(jdbi)).as("reminders recorded as sent").isEqualTo(size);
            assertThat(service.log()).doesNotContain("+4534").doesNotContain("•••");
        } finally {
            service.close();
            System.out.printf("ReminderRestartIT: total=%ds texts_before_kill_1=%d texts_before_kill_2=%d %s %s log=%s%n",
                    Duration.ofNanos(System.nanoTime() - begin).toSeconds(), kills[0], kills[1],
                    load == null ? "" : load.tally(ReminderLoad.received(twilio)), ReminderLoad.state(jdbi), log);
        }
    }

    private final int[] kills = new int[2];

    /** Waits until {@code texts} texts reached Twilio, kills the service, and returns how many had. */
    private int killAt(ServiceProcess service, int texts, Instant lastDue) {
        Duration timeout = Duration.between(Instant.now(), lastDue).plus(Duration.ofSeconds(60));
        Await.until(texts + " texts reached Twilio", timeout, () -> ReminderLoad.receivedCount(twilio) >= texts);
        service.kill();
        return ReminderLoad.receivedCount(twilio);
    }
}
