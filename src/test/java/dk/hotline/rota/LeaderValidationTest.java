package dk.hotline.rota;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.testing.Json;
import dk.hotline.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest(name = "languages {0}")
    @ValueSource(strings = {"[null]", "[\"da\",null]"})
    void aMissingLanguageInTheListIsA400NamingLanguages(String languages) {
        var response = service.api("POST", "/api/leaders", bearer,
                "{\"name\":\"Maja\",\"phone\":\"20 11 22 77\",\"languages\":" + languages + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.errorField(response)).isEqualTo("languages");
    }

    @Test
    void aMissingLanguageInAPatchIsA400NamingLanguagesAndChangesNothing() {
        long id = Json.id(service.api("POST", "/api/leaders", bearer, "{\"name\":\"Ida\",\"phone\":\"20 11 22 88\"}"));

        var response = service.api("PATCH", "/api/leaders/" + id, bearer, "{\"languages\":[null]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.errorField(response)).isEqualTo("languages");
        assertThat(Json.texts(Json.parse(service.api("GET", "/api/leaders/" + id, bearer, null)), "languages")).containsExactly("da");
    }
}
