package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person's requests during a key rotation: rows stored under the old key's blind index and rows
 * stored under the new one are both found, and both erased.
 */
class SubjectRotationTest {
    private static final String KEY_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";
    private static final String PERSON = "+4530770011";

    private WireMockServer twilio;
    private TestService service;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void rowsUnderTheOldKeysIndexAndTheNewOnesAreFoundAndErased() {
        new TwilioSms(service, twilio).receive(PERSON, "RING");
        service = service.restart(env -> {
            env.put("HOTLINE_ENCRYPTION_KEY", KEY_B);
            env.put("HOTLINE_ENCRYPTION_KEY_PREVIOUS", TestConfig.ENCRYPTION_KEY);
            env.put("HOTLINE_RESEAL_EVERY", "P1D");
            return env;
        });
        new TwilioSms(service, twilio).receive(PERSON, "GRUPPE");
        String bearer = service.bearer();

        JsonNode export = Json.parse(service.api("GET", SubjectApiTest.path(PERSON, ""), bearer, null));
        assertThat(Json.elements(export.get("callbackRequests"))).as("under the old key's index").hasSize(1);
        assertThat(Json.elements(export.get("groupInterest"))).as("under the new key's index").hasSize(1);

        var erased = service.api("DELETE", SubjectApiTest.path(PERSON, ""), bearer, null);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

        JsonNode after = Json.parse(service.api("GET", SubjectApiTest.path(PERSON, ""), bearer, null));
        for (String kind : List.of("callbackRequests", "groupInterest", "sent")) {
            assertThat(Json.elements(after.get(kind))).as(kind).isEmpty();
        }
    }
}
