package dk.hotline.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/accounts}: coordinators make, switch off and remove accounts, and give out password links. */
class AccountApiTest {
    private static final String PASSWORD = "a-long-enough-password";

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;
    private String bearer;

    @BeforeEach
    void start() {
        twilio.start();
        service = TestService.start(twilio.baseUrl());
        bearer = service.bearer();
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void aLeaderAccountsTokenOpensOnlyWhatIsItsOwn() throws Exception {
        long maja = new Coordinator(service).leader("Maja");

        var created = api("POST", "/api/accounts", "{\"email\":\"maja@example.org\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"leader\",\"leaderId\":" + maja + "}");

        assertThat(created.statusCode()).isEqualTo(201);
        var account = Json.parse(created);
        assertThat(account.get("role").asText()).isEqualTo("leader");
        assertThat(account.get("leaderId").asLong()).isEqualTo(maja);
        assertThat(account.has("passwordLink")).as("made with a password: no link").isFalse();
        var token = service.api("POST", "/api/tokens", TestService.basic("maja@example.org", PASSWORD), null);
        assertThat(token.statusCode()).isEqualTo(201);
        String leaderBearer = "Bearer " + Json.parse(token).get("token").asText();
        assertThat(service.api("GET", "/api/leaders", leaderBearer, null).statusCode()).isEqualTo(403);
        assertThat(service.api("GET", "/api/accounts", leaderBearer, null).statusCode()).isEqualTo(403);
        assertThat(service.api("GET", "/api/accounts/" + account.get("id").asLong(), leaderBearer, null).statusCode())
                .as("not even its own account through the coordinators' resource").isEqualTo(403);
        var me = Json.parse(service.api("GET", "/api/me", leaderBearer, null));
        assertThat(me.get("email").asText()).isEqualTo("maja@example.org");
        assertThat(me.get("leaderId").asLong()).isEqualTo(maja);
    }

    @Test
    void anAccountMadeWithoutAPasswordGetsAOneTimeLinkThatSetsIt() throws Exception {
        var created = Json.parse(api("POST", "/api/accounts", "{\"email\":\"ny@example.org\",\"role\":\"coordinator\"}"));
        String link = created.get("passwordLink").asText();
        assertThat(link).startsWith(service.publicUrl() + "/password/");
        assertThat(service.api("POST", "/api/tokens", TestService.basic("ny@example.org", PASSWORD), null).statusCode())
                .as("no password yet").isEqualTo(401);

        var form = service.get(link.substring(service.publicUrl().length()));
        assertThat(form.statusCode()).isEqualTo(200);

        var newLink = Json.parse(api("POST", "/api/accounts/" + created.get("id").asLong() + "/password-link", null));
        assertThat(newLink.get("passwordLink").asText()).isNotEqualTo(link);
        assertThat(service.get(link.substring(service.publicUrl().length())).statusCode())
                .as("a new link makes the old one useless").isEqualTo(404);
    }

    @Test
    void switchingAnAccountOffEndsItsTokensAndTheLastCoordinatorStaysOn() throws Exception {
        var other = Json.parse(api("POST", "/api/accounts", "{\"email\":\"anden@example.org\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"coordinator\"}"));
        long otherId = other.get("id").asLong();
        var token = service.api("POST", "/api/tokens", TestService.basic("anden@example.org", PASSWORD), null);
        String otherBearer = "Bearer " + Json.parse(token).get("token").asText();
        assertThat(service.api("GET", "/api/leaders", otherBearer, null).statusCode()).isEqualTo(200);

        var off = api("PATCH", "/api/accounts/" + otherId, "{\"active\":false}");

        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(Json.parse(off).get("active").asBoolean()).isFalse();
        assertThat(service.api("GET", "/api/leaders", otherBearer, null).statusCode()).isEqualTo(401);
        assertThat(service.api("POST", "/api/tokens", TestService.basic("anden@example.org", PASSWORD), null).statusCode())
                .as("a switched-off account cannot sign in").isEqualTo(401);

        long self = Json.elements(Json.parse(api("GET", "/api/accounts", null))).stream()
                .filter(a -> a.get("active").asBoolean()).findFirst().orElseThrow().get("id").asLong();
        var last = api("PATCH", "/api/accounts/" + self, "{\"active\":false}");
        assertThat(last.statusCode()).isEqualTo(409);
        assertThat(api("DELETE", "/api/accounts/" + self, null).statusCode()).isEqualTo(409);
        var named = api("DELETE", "/api/accounts/" + otherId, null);
        assertThat(named.statusCode()).as("its sign-in is in the audit log: switched off, not removed").isEqualTo(409);
        assertThat(Json.errorField(named)).isEqualTo("id");
        long unused = Json.parse(api("POST", "/api/accounts", "{\"email\":\"ubrugt@example.org\",\"role\":\"coordinator\"}"))
                .get("id").asLong();
        assertThat(api("DELETE", "/api/accounts/" + unused, null).statusCode()).as("never signed in: nothing in the audit log")
                .isEqualTo(204);
    }

    @Test
    void badAccountsAreRefusedByField() {
        assertThat(field(api("POST", "/api/accounts", "{\"email\":\"nope\",\"role\":\"coordinator\"}"))).isEqualTo("email");
        assertThat(field(api("POST", "/api/accounts", "{\"email\":\"a@example.org\",\"role\":\"boss\"}"))).isEqualTo("role");
        assertThat(field(api("POST", "/api/accounts", "{\"email\":\"a@example.org\",\"role\":\"leader\"}"))).isEqualTo("leaderId");
        assertThat(field(api("POST", "/api/accounts", "{\"email\":\"a@example.org\",\"role\":\"leader\",\"leaderId\":999}")))
                .isEqualTo("leaderId");
        assertThat(field(api("POST", "/api/accounts", "{\"email\":\"a@example.org\",\"role\":\"coordinator\",\"password\":\"short\"}")))
                .isEqualTo("password");
        api("POST", "/api/accounts", "{\"email\":\"a@example.org\",\"role\":\"coordinator\"}");
        assertThat(api("POST", "/api/accounts", "{\"email\":\"A@example.org\",\"role\":\"coordinator\"}").statusCode())
                .as("one address, whatever its case").isEqualTo(409);
    }

    private java.net.http.HttpResponse<String> api(String method, String path, String json) {
        return service.api(method, path, bearer, json);
    }

    private static String field(java.net.http.HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        return Json.parse(response).get("field").asText();
    }
}
