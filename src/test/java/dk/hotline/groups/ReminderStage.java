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

/**
 * What the ITs that run the packaged service as processes against a {@link ReminderLoad} stand
 * on: a new database, and WireMock playing Twilio that keeps every text it took and lists them, so
 * an instance started again can ask whether a text went before sending it again. Then the waits
 * and checks of what reached it.
 */
final class ReminderStage implements AutoCloseable {
    /** Services on a stage send each session's reminder this long before it, and no other. */
    static final Duration OFFSET = Duration.ofMinutes(2);
    /** How long a packaged service may take to answer /health, migrations and all, on a busy machine. */
    static final Duration STARTUP = Duration.ofSeconds(90);

    private final WireMockServer twilio = TwilioStubs.withJournal(new MessageJournal(Clock.systemUTC()));
    private final DatabaseUrl db;
    private final Jdbi jdbi;

    ReminderStage() {
        twilio.start();
        TwilioStubs.messagesInJournal(twilio);
        db = TestDatabases.create();
        jdbi = ReminderLoad.jdbi(db);
    }

    /** The environment of one service process on this stage: a free port, its data under {@code dataDir}. */
    Map<String, String> serviceEnv(Path dataDir) {
        return ReminderLoad.serviceEnv(db, twilio, ServiceProcess.freePort(), OFFSET, dataDir);
    }

    /**
     * Sets up {@code groups} groups of {@code perGroup} participants through the service at
     * {@code baseUrl}, the first reminder due {@code setup} from now and each group's {@code spacing}
     * after the one before; fails unless it was done before the first was due.
     */
    ReminderLoad load(String baseUrl, int groups, int perGroup, Duration setup, Duration spacing) {
        Instant firstDue = Instant.now().plus(setup).truncatedTo(ChronoUnit.SECONDS);
        var load = ReminderLoad.setUp(baseUrl, groups, perGroup, firstDue, spacing, OFFSET);
        System.out.printf("set up %d reminders, %ds before the first is due%n", load.size(),
                Duration.between(Instant.now(), firstDue).toSeconds());
        assertThat(Instant.now()).as("set up before the first reminder is due").isBefore(firstDue);
        return load;
    }

    /** How many texts reached Twilio so far. */
    int texts() {
        return ReminderLoad.receivedCount(twilio);
    }

    /**
     * Waits until every participant has a text and no outbox row is left unsettled: a row a killed
     * instance had claimed is taken up again only after the claim timeout, so this is when a second text would come.
     */
    void awaitEverySentAndSettled(ReminderLoad load, Duration timeout) {
        int size = load.size();
        Await.until("every participant has a text and the outbox is settled", timeout,
                () -> texts() >= size && ReminderLoad.outboxUnsettled(jdbi) == 0
                        && ReminderLoad.received(twilio).stream().map(ReminderLoad.Received::to).distinct().count() >= size);
    }

    /** Each participant got exactly one text, none early and nobody else one, and the database recorded each reminder sent. */
    void assertEachSentOnceNotEarly(ReminderLoad load) {
        var tally = load.tally(ReminderLoad.received(twilio));
        load.assertEachSentOnceNotEarly(tally);
        assertThat(tally.texts()).as("texts to Twilio in all").isEqualTo(load.size());
        assertThat(ReminderLoad.remindersSent(jdbi)).as("reminders recorded as sent").isEqualTo(load.size());
    }

    /** What reached Twilio against the plan (when there is one) and what the database says, for the report of a run. */
    String report(ReminderLoad load) {
        return (load == null ? "" : load.tally(ReminderLoad.received(twilio)) + " ") + ReminderLoad.state(jdbi);
    }

    @Override
    public void close() {
        try {
            twilio.stop();
        } finally {
            TestDatabases.drop(db);
        }
    }
}
