package dk.hotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** A coordinator setting up leaders and shifts through the JSON API, for tests. */
public final class Coordinator {
    private final TestService service;
    private final String bearer;
    private final AtomicInteger nextNumber = new AtomicInteger(100_000);

    public Coordinator(TestService service) {
        this.service = service;
        this.bearer = service.bearer();
    }

    /** A new leader on call from an hour ago to three hours ahead (the real clock); returns the id. */
    public long onCallNow(String name, String phone, List<String> languages) {
        long id = leader(name, phone, languages);
        Instant now = Instant.now();
        shift(id, now.minus(java.time.Duration.ofHours(1)), now.plus(java.time.Duration.ofHours(3)));
        return id;
    }

    /** A new leader; returns the id. */
    public long leader(String name, String phone, List<String> languages) {
        String langs = languages.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(","));
        var response = service.api("POST", "/api/leaders", bearer,
                "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"languages\":[" + langs + "]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.id(response);
    }

    /** A new leader who speaks the default language, with a number no other leader made so has; returns the id. */
    public long leader(String name) {
        return leader(name, "+4520" + nextNumber.getAndIncrement());
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

    /**
     * A new group of weekly two-hour sessions, the first at {@code firstSession} (an offset date-time);
     * {@code capacity} null leaves the default. Returns the group as the API answered its creation.
     */
    public JsonNode group(String name, String smsName, long leaderId, String firstSession, int weeks, Integer capacity) {
        var response = service.api("POST", "/api/groups", bearer, "{\"name\":\"" + name + "\",\"smsName\":\"" + smsName
                + "\",\"location\":\"Kbh\",\"leaderId\":" + leaderId + (capacity == null ? "" : ",\"capacity\":" + capacity)
                + ",\"firstSession\":\"" + firstSession + "\",\"weeks\":" + weeks + ",\"durationMinutes\":120}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.parse(response);
    }

    /** As {@link #group(String, String, long, String, int, Integer)} with the default capacity; returns the id. */
    public long group(String name, String smsName, long leaderId, String firstSession, int weeks) {
        return Json.number(group(name, smsName, leaderId, firstSession, weeks, null), "id");
    }

    /** The ids of a group's sessions, in order. */
    public List<Long> sessions(long groupId) {
        return Json.ids(Json.field(Json.parse(get("/api/groups/" + groupId)), "sessions"));
    }

    /** Adds a participant to a group, the answer as it comes; {@code language} null leaves the default. */
    public HttpResponse<String> join(long groupId, String name, String phone, boolean smsConsent, String language) {
        return post("/api/groups/" + groupId + "/participants", "{\"name\":\"" + name + "\",\"phone\":\"" + phone
                + "\",\"smsConsent\":" + smsConsent + (language == null ? "" : ",\"language\":\"" + language + "\"") + "}");
    }

    /** As {@link #join}, which must succeed; returns the participant's id. */
    public long participant(long groupId, String name, String phone, boolean smsConsent, String language) {
        var response = join(groupId, name, phone, smsConsent, language);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.id(response);
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

    public HttpResponse<String> post(String path, String json) {
        return service.api("POST", path, bearer, json);
    }

    /** Makes a leader account for {@code leaderId} with {@code password} and returns its API token as an Authorization header. */
    public String leaderAccount(long leaderId, String email, String password) {
        var created = post("/api/accounts", "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"role\":\"leader\",\"leaderId\":" + leaderId + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var token = service.api("POST", "/api/tokens", TestService.basic(email, password), null);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        return "Bearer " + Json.parse(token).get("token").asText();
    }
}
