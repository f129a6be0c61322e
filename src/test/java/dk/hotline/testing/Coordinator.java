package dk.hotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A coordinator setting up leaders and shifts through the JSON API, for tests. */
public final class Coordinator {
    private final TestService service;
    private final String bearer;

    public Coordinator(TestService service) {
        this.service = service;
        this.bearer = service.bearer();
    }

    /** A new leader; returns the id. */
    public long leader(String name, String phone, List<String> languages) {
        String langs = languages.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(","));
        var response = service.api("POST", "/api/leaders", bearer,
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"languages\":[" + langs + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.id(response);
    }

    /** A new leader who speaks the default language; returns the id. */
    public long leader(String name, String phone) {
        var response = service.api("POST", "/api/leaders", bearer, "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.id(response);
    }

    public void shift(long leaderId, Instant start, Instant end) {
        var response = service.api("POST", "/api/shifts", bearer,
                "{\"leaderId\":" + leaderId + ",\"start\":\"" + start + "\",\"end\":\"" + end + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    public void patchLeader(long leaderId, String json) {
        var response = service.api("PATCH", "/api/leaders/" + leaderId, bearer, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    public String get(String path) {
        var response = service.api("GET", path, bearer, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    public java.net.http.HttpResponse<String> post(String path, String json) {
        return service.api("POST", path, bearer, json);
    }
}
