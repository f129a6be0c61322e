package dk.hotline.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioRecordingsTest {
    private static final String SID = "RE" + "0123456789abcdef0123456789abcdef";
    private static final String MP3 = "/2010-04-01/Accounts/" + TwilioStubs.ACCOUNT_SID + "/Recordings/" + SID + ".mp3";

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private final WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
    private TwilioRecordings recordings;

    @BeforeEach
    void start() {
        twilio.start();
        elsewhere.start();
        recordings = TwilioRecordings.live(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN, URI.create(twilio.baseUrl() + "/"));
    }

    @AfterEach
    void stop() {
        twilio.stop();
        elsewhere.stop();
    }

    @Test
    void aRedirectWithinTheApiKeepsTheCredentials() throws Exception {
        twilio.stubFor(get(urlEqualTo(MP3)).willReturn(aResponse().withStatus(302).withHeader("Location", "/media/" + SID)));
        twilio.stubFor(get(urlEqualTo("/media/" + SID)).withBasicAuth(TwilioStubs.ACCOUNT_SID, TwilioStubs.AUTH_TOKEN)
                .willReturn(aResponse().withStatus(200).withBody(new byte[] {1, 2, 3})));

        try (var in = recordings.mp3(SID).orElseThrow().body()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void credentialsNeverFollowARedirectToAnotherHost() {
        twilio.stubFor(get(urlEqualTo(MP3)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.baseUrl() + "/bucket/" + SID)));

        assertThatThrownBy(() -> recordings.mp3(SID)).isInstanceOf(TwilioRecordings.RecordingUnavailable.class);
        assertThat(elsewhere.findAll(getRequestedFor(urlEqualTo("/bucket/" + SID)))).as("not over plain http").isEmpty();
    }

    @Test
    void onlyRecordingSidsAreAskedFor() {
        assertThatThrownBy(() -> recordings.mp3("../Messages")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> recordings.delete("RE00/../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dryRunFetchesAndDeletesNothing() {
        var dryRun = TwilioRecordings.dryRun();

        assertThat(dryRun.live()).isFalse();
        assertThat(dryRun.delete(SID)).isFalse();
        assertThatThrownBy(() -> dryRun.mp3(SID)).isInstanceOf(IllegalStateException.class);
    }
}
