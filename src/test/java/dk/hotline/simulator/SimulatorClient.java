package dk.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.hotline.testing.Await;
import dk.hotline.testing.Json;
import dk.hotline.testing.PageSession;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A coordinator working the simulator page's buttons over HTTP, as its script does. */
final class SimulatorClient {
    private final PageSession session;

    SimulatorClient(TestService service) {
        this.session = PageSession.signIn(service, TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD);
    }

    /** Adds a caller's phone ("" withholds the number) and answers its id. */
    String addCaller(String number) {
        var before = ids("caller");
        var state = ok(session.htmx("/simulator/phones", number.isEmpty() ? Map.of("withheld", "true") : Map.of("number", number)));
        var after = new ArrayList<>(ids(state, "caller"));
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    JsonNode act(String phone, String action) {
        return ok(request(phone, action, Map.of()));
    }

    HttpResponse<String> request(String phone, String action, Map<String, String> form) {
        return session.htmx("/simulator/phones/" + phone + "/" + action, form);
    }

    JsonNode press(String phone, String key) {
        return ok(request(phone, "keys", Map.of("key", key)));
    }

    JsonNode text(String phone, String body) {
        return ok(request(phone, "texts", Map.of("body", body)));
    }

    JsonNode state() {
        var response = session.get("/simulator/state");
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.parse(response.body());
    }

    /** The phone's latest call, or a missing node before its first. */
    JsonNode call(String phone) {
        return phone(phone).path("call");
    }

    JsonNode phone(String id) {
        for (var phone : state().path("phones")) {
            if (id.equals(phone.path("id").asText())) {
                return phone;
            }
        }
        throw new AssertionError("no phone " + id + " in " + state());
    }

    String stateOf(String phone) {
        return call(phone).path("state").asText("idle");
    }

    void await(String phone, String callState) {
        Await.until(phone + " is " + callState, Await.SOON, () -> callState.equals(stateOf(phone)));
    }

    /** Everything the phone's latest call heard, one line each. */
    String heard(String phone) {
        var lines = new StringBuilder();
        call(phone).path("heard").forEach(line -> lines.append(line.path("text").asText()).append('\n'));
        return lines.toString();
    }

    List<String> texts(String phone) {
        var texts = new ArrayList<String>();
        phone(phone).path("texts").forEach(t -> texts.add(t.path("body").asText()));
        return texts;
    }

    /** Every webhook the simulator sent, oldest first. */
    List<JsonNode> timeline() {
        var all = new ArrayList<JsonNode>();
        state().path("timeline").forEach(all::add);
        java.util.Collections.reverse(all);
        return all;
    }

    private List<String> ids(String kind) {
        return ids(state(), kind);
    }

    private static List<String> ids(JsonNode state, String kind) {
        var ids = new ArrayList<String>();
        state.path("phones").forEach(p -> {
            if (kind.equals(p.path("kind").asText())) {
                ids.add(p.path("id").asText());
            }
        });
        return ids;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
