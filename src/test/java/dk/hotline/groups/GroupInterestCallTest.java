package dk.hotline.groups;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.twilio.TwilioStubs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dk.hotline.twilio.Webhook;

/** Menu key 2: hear about the groups, and with a 1 be put on the interest list coordinators invite from. */
class GroupInterestCallTest {
    private static final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private static TestService service;

    @BeforeAll
    static void start() {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl());
    }

    @AfterAll
    static void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void pressingOneAfterTheGroupInformationPutsTheCallerOnTheListOnceAndBackToTheMenu() {
        long before = entries("voice");
        var call = new TwilioCall(service, "CA00000000000000000000000000000a21", "+4536000001");
        call.arrive();
        var asked = call.press("2");
        assertThat(call.heard()).contains(service.text("da", "groupInfo"));
        assertThat(asked.text("/Response/Gather/Say")).isEqualTo(service.text("da", "groupInterestOffer"));

        var menu = call.press("1");

        assertThat(call.heard()).contains(service.text("da", "groupInterestConfirmed"));
        assertThat(menu.text("/Response/Gather/@action")).startsWith(Webhook.MENU.path() + "?");
        var again = new TwilioCall(service, "CA00000000000000000000000000000a22", "+4536000001");
        again.arrive();
        again.press("2");
        again.press("1");
        assertThat(entries("voice")).as("once, however often they ask").isEqualTo(before + 1);
    }

    @Test
    void noKeyLeavesTheCallerOffTheListAndGoesBackToTheMenu() {
        long before = entries("voice");
        var call = new TwilioCall(service, "CA00000000000000000000000000000a23", "+4536000002");
        call.arrive();
        call.press("2");

        var menu = call.press("");

        assertThat(menu.text("/Response/Gather/@action")).startsWith(Webhook.MENU.path() + "?");
        assertThat(call.heard()).doesNotContain(service.text("da", "groupInterestConfirmed"));
        assertThat(entries("voice")).isEqualTo(before);
    }

    private static long entries(String source) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM group_interest WHERE source = :s")
                .bind("s", source).mapTo(Long.class).one());
    }
}
