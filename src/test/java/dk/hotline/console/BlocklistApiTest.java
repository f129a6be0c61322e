package dk.hotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.sms.Blocklist;
import dk.hotline.testing.Json;
import dk.hotline.testing.MutableClock;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BlocklistApiTest {
    private static TestService service;
    /** The service's blocklist as the SMS webhook consults it: same key, same database. */
    private static Blocklist blocklist;
    private static String bearer;

    @BeforeAll
    static void start() {
        var clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
        service = TestService.start("http://127.0.0.1:9", env -> env, clock);
        bearer = service.bearer();
        var key = EncryptionKey.fromBase64(TestConfig.ENCRYPTION_KEY);
        blocklist = new Blocklist(new PersonalDataCipher(key), new BlindIndex(key), clock);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aBlockedNumberIsCreatedMaskedAndMatchedByItsNumberInAnyForm() {
        var created = post("{\"phone\":\"20 11 22 33\",\"reason\":\"threats to the leader\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode entry = Json.parse(created);
        assertThat(Json.number(entry, "id")).isPositive();
        assertThat(Json.text(entry, "phone")).isEqualTo("+45 •••• ••33");
        assertThat(Json.text(entry, "reason")).isEqualTo("threats to the leader");
        assertThat(Json.text(entry, "createdAt")).isEqualTo("2026-11-25T10:00:00Z");
        // Privacy: the number in clear, in either form, appears nowhere in the answer.
        assertThat(created.body()).doesNotContain("20112233").doesNotContain("20 11 22 33");
        assertThat(blocked("+4520112233")).isTrue();
        assertThat(blocked("+4520112234")).isFalse();
    }

    @Test
    void theSameNumberTwiceIsAConflict() {
        assertThat(post("{\"phone\":\"+4521000001\",\"reason\":\"spam\"}").statusCode()).isEqualTo(201);

        var again = post("{\"phone\":\"21 00 00 01\",\"reason\":\"spam again\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.errorField(again)).isEqualTo("phone");
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(Json.errorField(post("{\"phone\":\"not a number\",\"reason\":\"x\"}"))).isEqualTo("phone");
        assertThat(Json.errorField(post("{\"phone\":\"+4521000002\"}"))).isEqualTo("reason");
        assertThat(post("{\"phone\":\"+4521000002\",\"reason\":\"  \"}").statusCode()).isEqualTo(400);
        assertThat(post("{\"reason\":\"x\"}").statusCode()).isEqualTo(400);
        assertThat(post("{\"phone\":\"+4521000002\",\"reason\":\"x\",\"extra\":1}").statusCode()).isEqualTo(400);
        assertThat(service.api("GET", "/api/blocklist?reveal=yes", bearer, null).statusCode()).isEqualTo(400);
        assertThat(blocked("+4521000002")).isFalse();
    }

    @Test
    void theListIsMaskedAndARevealIsAudited() {
        long id = Json.id(post("{\"phone\":\"+4522000001\",\"reason\":\"flooding\"}"));

        var masked = service.api("GET", "/api/blocklist", bearer, null);
        assertThat(masked.statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.withId(Json.parse(masked), id), "phone")).isEqualTo("+45 •••• ••01");
        // Privacy: the number in clear appears nowhere in the masked list.
        assertThat(masked.body()).doesNotContain("22000001");
        assertThat(audits(id)).isZero();

        var revealed = service.api("GET", "/api/blocklist?reveal=true", bearer, null);
        assertThat(revealed.statusCode()).isEqualTo(200);
        assertThat(Json.text(Json.withId(Json.parse(revealed), id), "phone")).isEqualTo("+4522000001");
        assertThat(audits(id)).isEqualTo(1);
    }

    @Test
    void deletingUnblocksAndAnUnknownIdIs404() {
        long id = Json.id(post("{\"phone\":\"+4523000001\",\"reason\":\"by mistake\"}"));

        assertThat(service.api("DELETE", "/api/blocklist/" + id, bearer, null).statusCode()).isEqualTo(204);
        assertThat(blocked("+4523000001")).isFalse();
        assertThat(service.api("DELETE", "/api/blocklist/" + id, bearer, null).statusCode()).isEqualTo(404);
        assertThat(service.api("DELETE", "/api/blocklist/abc", bearer, null).statusCode()).isEqualTo(400);
    }

    @Test
    void everyCallNeedsABearerToken() {
        assertThat(service.api("GET", "/api/blocklist", null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("POST", "/api/blocklist", null, "{\"phone\":\"+4524000001\",\"reason\":\"x\"}").statusCode())
                .isEqualTo(401);
        assertThat(service.api("DELETE", "/api/blocklist/1", "Bearer wrong", null).statusCode()).isEqualTo(401);
        assertThat(blocked("+4524000001")).isFalse();
    }

    private static java.net.http.HttpResponse<String> post(String json) {
        return service.api("POST", "/api/blocklist", bearer, json);
    }

    private static boolean blocked(String phone) {
        return service.jdbi().inTransaction(tx -> blocklist.isBlocked(tx, PhoneNumber.parse(phone)));
    }

    private static int audits(long id) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM audit_log WHERE action = 'reveal' AND subject = :s")
                .bind("s", "blocklist:" + id).mapTo(Integer.class).one());
    }
}
