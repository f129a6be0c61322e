package dk.hotline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leader input the API must refuse with a 400 that names the field, never a 500. */
class LeaderValidationTest {
    private static TestService service;
    private static String bearer;

    @BeforeAll
    static void start() {
        service = TestService.start("http://127.0.0.1:9");
        bearer = service.bearer();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aMissingLanguageInTheListIsA400NamingLanguages() {
        for (String languages : new String[] {"[null]", "[\"da\",null]"}) {
            var response = service.api("POST", "/api/leaders", bearer,
                    "{\"name\":\"Maja\",\"phone\":\"20 11 22 77\",\"languages\":" + languages + "}");

            assertThat(response.statusCode()).as(languages).isEqualTo(400);
            assertThat(response.body()).as(languages).contains("\"field\":\"languages\"");
        }
    }

    @Test
    void aMissingLanguageInAPatchIsA400NamingLanguagesAndChangesNothing() {
        var created = service.api("POST", "/api/leaders", bearer, "{\"name\":\"Ida\",\"phone\":\"20 11 22 88\"}");
        String id = created.body().replaceFirst("(?s).*\"id\":(\\d+).*", "$1");

        var response = service.api("PATCH", "/api/leaders/" + id, bearer, "{\"languages\":[null]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"languages\"");
        assertThat(service.api("GET", "/api/leaders/" + id, bearer, null).body()).contains("\"languages\":[\"da\"]");
    }
}
