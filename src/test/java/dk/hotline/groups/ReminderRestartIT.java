package dk.hotline.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Await;
import dk.hotline.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
    /** 20 groups 3 s apart: the reminders are due over 57 s, 50 at a time. */
    private static final Duration SPACING = Duration.ofSeconds(3);
    /** Time to add 1,000 participants over HTTP before the first reminder is due. */
    private static final Duration SETUP = Duration.ofSeconds(30);
    /** Mid-burst: a group's 50 texts are under way at each kill. */
    private static final int FIRST_KILL_AT = 325;
    private static final int SECOND_KILL_AT = 675;

    private final int[] kills = new int[2];
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
    void eachOfAThousandRemindersIsSentOnceAndNotEarlyThoughTheServiceIsKilledTwice(@TempDir Path dir) {
        long begin = System.nanoTime();
        Map<String, String> env = stage.serviceEnv(dir.resolve("data"));
        Path log = ServiceProcess.logFile("ReminderRestartIT");
        ServiceProcess service = ServiceProcess.startHealthy(log, env, ReminderStage.STARTUP);
        ReminderLoad load = null;
        try {
            load = stage.load(service.baseUrl(), GROUPS, PER_GROUP, SETUP, SPACING);

            kills[0] = killAt(service, FIRST_KILL_AT, load.lastDue());
            service = ServiceProcess.startHealthy(log, env, ReminderStage.STARTUP);
            kills[1] = killAt(service, SECOND_KILL_AT, load.lastDue());
            service = ServiceProcess.startHealthy(log, env, ReminderStage.STARTUP);

            stage.awaitEverySentAndSettled(load, Duration.ofMinutes(3));
            stage.assertEachSentOnceNotEarly(load);
            assertThat(service.log()).doesNotContain("+4534").doesNotContain("•••");
        } finally {
            service.close();
            System.out.printf("ReminderRestartIT: total=%ds texts_before_kill_1=%d texts_before_kill_2=%d %s log=%s%n",
                    Duration.ofNanos(System.nanoTime() - begin).toSeconds(), kills[0], kills[1], stage.report(load), log);
        }
    }

    /** Waits until {@code texts} texts reached Twilio, kills the service, and returns how many had. */
    private int killAt(ServiceProcess service, int texts, Instant lastDue) {
        Duration timeout = Duration.between(Instant.now(), lastDue).plus(Duration.ofSeconds(60));
        Await.until(texts + " texts reached Twilio", timeout, () -> stage.texts() >= texts);
        service.kill();
        return stage.texts();
    }
}
