package dk.hotline.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
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
    private static final Duration SPACING = Duration.ofSeconds(3);
    private static final Duration SETUP = Duration.ofSeconds(15);

    private ReminderStage stage;

    @BeforeEach
    void start() {
        stage = new ReminderStage();
    }

    @AfterEach
    void stop() {
        stage.close();
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachOf300RemindersOnceAndNotEarly(@TempDir Path dir) {
        long begin = System.nanoTime();
        // Started at the same moment, as two replicas of a new deployment are: both migrate, bootstrap and schedule at once.
        var first = ServiceProcess.start(ServiceProcess.logFile("TwoInstancesIT-a"), stage.serviceEnv(dir.resolve("a")));
        var second = ServiceProcess.start(ServiceProcess.logFile("TwoInstancesIT-b"), stage.serviceEnv(dir.resolve("b")));
        ReminderLoad load = null;
        try {
            first.awaitHealthy(ReminderStage.STARTUP);
            second.awaitHealthy(ReminderStage.STARTUP);
            load = stage.load(first.baseUrl(), GROUPS, PER_GROUP, SETUP, SPACING);

            stage.awaitEverySentAndSettled(load, Duration.between(Instant.now(), load.lastDue()).plus(Duration.ofSeconds(90)));
            stage.assertEachSentOnceNotEarly(load);
            for (var service : List.of(first, second)) {
                assertThat(service.log()).doesNotContain("+4534").doesNotContain("•••").doesNotContain(" ERROR ");
            }
        } finally {
            System.out.printf("TwoInstancesIT: total=%ds %s a: %s b: %s%n",
                    Duration.ofNanos(System.nanoTime() - begin).toSeconds(), stage.report(load), work(first), work(second));
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
