package dk.hotline.privacy;

import dk.hotline.app.Hotline;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestService;
import dk.hotline.twilio.TwilioRecordings;
import dk.hotline.twilio.TwilioStubs;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Voicemail recordings are deleted at Twilio after the retention period, and marked so only then. */
class VoicemailRetentionTest {
    private static final String OLD = "RE" + "00000000000000000000000000000001";
    private static final String EMPTY = "RE" + "00000000000000000000000000000002";
    private static final String RECENT = "RE" + "00000000000000000000000000000003";
    private static final String ANY_RECORDING = "/2010-04-01/Accounts/[^/]+/Recordings/RE[0-9a-f]{32}\\.json";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private MigratedDatabase db;
    private Retention retention;

    @BeforeEach
    void start() {
        twilio.start();
        db = new MigratedDatabase();
        var recordings = TwilioRecordings.live(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl()));
        retention = new Retention(db.jdbi(), 30, Hotline.retentionRules(recordings), clock);
    }

    @AfterEach
    void stop() {
        db.close();
        twilio.stop();
    }

    @Test
    void recordingsPastRetentionAndEmptyOnesAreDeletedAtTwilioRecentOnesKept() {
        twilio.stubFor(delete(urlPathMatching(ANY_RECORDING)).willReturn(aResponse().withStatus(204)));
        voicemail("CA1", OLD, 40, false);
        clock.advance(Duration.ofDays(31));
        voicemail("CA2", EMPTY, 1, true);
        voicemail("CA3", RECENT, 40, false);

        retention.purge();

        assertThat(deleted()).containsExactly(OLD, EMPTY);
        twilio.verify(deleteRequestedFor(urlEqualTo(path(OLD)))
                .withHeader("Authorization", equalTo(TestService.basic(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN))));
        twilio.verify(0, deleteRequestedFor(urlEqualTo(path(RECENT))));

        twilio.resetRequests();
        retention.purge();
        assertThat(twilio.findAll(anyRequestedFor(anyUrl()))).as("what is deleted is not asked for again").isEmpty();
    }

    @Test
    void aRecordingTwilioAlreadyLostCountsAsDeleted() {
        twilio.stubFor(delete(urlPathMatching(ANY_RECORDING)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\": 20404, \"status\": 404}")));
        voicemail("CA1", OLD, 40, false);
        clock.advance(Duration.ofDays(31));

        retention.purge();

        assertThat(deleted()).containsExactly(OLD);
    }

    @Test
    void aFailedDeleteIsTriedAgainOnTheNextRun() {
        twilio.stubFor(delete(urlPathMatching(ANY_RECORDING)).willReturn(aResponse().withStatus(503)));
        voicemail("CA1", OLD, 40, false);
        clock.advance(Duration.ofDays(31));

        retention.purge();
        assertThat(deleted()).isEmpty();

        twilio.stubFor(delete(urlPathMatching(ANY_RECORDING)).willReturn(aResponse().withStatus(204)));
        clock.advance(Duration.ofDays(1));
        retention.purge();
        assertThat(deleted()).containsExactly(OLD);
    }

    @Test
    void withoutAWayToTwilioNothingIsMarkedDeleted() {
        voicemail("CA1", OLD, 40, false);
        clock.advance(Duration.ofDays(31));

        new Retention(db.jdbi(), 30, Hotline.retentionRules(TwilioRecordings.dryRun()), clock).purge();

        assertThat(deleted()).isEmpty();
    }

    private void voicemail(String callSid, String recordingSid, int seconds, boolean discarded) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO voicemails (call_sid, recording_sid, duration_secs, language, discarded, created_at)
                VALUES (:c, :r, :s, 'da', :d, :t)""")
                .bind("c", callSid).bind("r", recordingSid).bind("s", seconds).bind("d", discarded)
                .bind("t", clock.instant()).execute());
    }

    private List<String> deleted() {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT recording_sid FROM voicemails WHERE deleted_at IS NOT NULL ORDER BY id").mapTo(String.class).list());
    }

    private static String path(String recordingSid) {
        return "/2010-04-01/Accounts/" + TwilioStubs.ACCOUNT_SID + "/Recordings/" + recordingSid + ".json";
    }
}
