package dk.hotline.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.Test;

class RetargetingHttpClientTest {
    private static final URI MOCK = URI.create("http://localhost:8089");

    @Test
    void movesTwilioApiOntoTheBaseKeepingPathAndQuery() throws Exception {
        URL url = new URL("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?PageSize=20&To=%2B4520");

        assertThat(RetargetingHttpClient.retarget(url, MOCK))
                .hasToString("http://localhost:8089/2010-04-01/Accounts/AC1/Messages.json?PageSize=20&To=%2B4520");
    }

    @Test
    void movesOtherTwilioHostsToo() throws Exception {
        URL url = new URL("https://api.dublin.ie1.twilio.com/2010-04-01/Accounts/AC1/Calls.json");

        assertThat(RetargetingHttpClient.retarget(url, MOCK))
                .hasToString("http://localhost:8089/2010-04-01/Accounts/AC1/Calls.json");
    }

    @Test
    void keepsAPathPrefixOfTheBase() throws Exception {
        URL url = new URL("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json");

        assertThat(RetargetingHttpClient.retarget(url, URI.create("https://mock.internal:9443/twilio/")))
                .hasToString("https://mock.internal:9443/twilio/2010-04-01/Accounts/AC1/Calls.json");
    }

    @Test
    void twiliosOwnBaseChangesNothing() throws Exception {
        URL url = new URL("https://messaging.twilio.com/v1/Services");

        assertThat(RetargetingHttpClient.retarget(url, URI.create("https://api.twilio.com")))
                .isSameAs(url);
    }

    @Test
    void leavesHostsThatOnlyLookLikeTwilio() throws Exception {
        URL url = new URL("https://api.twilio.com.example.org/2010-04-01/Accounts/AC1/Messages.json");

        assertThat(RetargetingHttpClient.retarget(url, MOCK)).isSameAs(url);
    }
}
