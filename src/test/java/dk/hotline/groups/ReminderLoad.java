package dk.hotline.groups;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.db.DatabaseUrl;
import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.FormBody;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Many reminders due within a short stretch of real time, set up through the JSON API of a running
 * service (one session per group, its reminder due {@code spacing} after the previous group's),
 * and the check of what reached WireMock, playing Twilio, against when each reminder was due.
 */
final class ReminderLoad {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MESSAGES = "/2010-04-01/Accounts/[^/]+/Messages\\.json";

    /** When each participant's reminder is due, by number. */
    private final Map<String, Instant> dueByPhone;

    private ReminderLoad(Map<String, Instant> dueByPhone) {
        this.dueByPhone = Map.copyOf(dueByPhone);
    }

    /**
     * Creates {@code groups} groups of {@code perGroup} consenting participants each; group g's one
     * session starts at {@code firstDue + g * spacing + offset}, so with the service's reminder
     * offsets set to {@code offset} alone its reminder is due at {@code firstDue + g * spacing}.
     * Participants are added four at a time (the service takes a lock per group, so each worker has groups of its own).
     */
    static ReminderLoad setUp(String baseUrl, int groups, int perGroup, Instant firstDue, Duration spacing, Duration offset) {
        String bearer = bearer(baseUrl);
        long leader = id(post(baseUrl, bearer, "/api/leaders", "{\"name\":\"Maja\",\"phone\":\"+4520000051\",\"languages\":[\"da\"]}"));
        var dueByPhone = new ConcurrentHashMap<String, Instant>();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var work = new ArrayList<Future<?>>();
            for (int g = 0; g < groups; g++) {
                int group = g;
                work.add(pool.submit(() -> {
                    Instant due = firstDue.plus(spacing.multipliedBy(group));
                    String start = OffsetDateTime.ofInstant(due.plus(offset), ZoneOffset.UTC).toString();
                    long id = id(post(baseUrl, bearer, "/api/groups", "{\"name\":\"Gruppe " + group + "\",\"smsName\":\"Holdet "
                            + group + "\",\"location\":\"Kbh\",\"leaderId\":" + leader + ",\"capacity\":" + perGroup
                            + ",\"firstSession\":\"" + start + "\",\"weeks\":1,\"durationMinutes\":60}"));
                    for (int p = 0; p < perGroup; p++) {
                        String phone = phone(group, p);
                        post(baseUrl, bearer, "/api/groups/" + id + "/participants",
                                "{\"name\":\"Deltager " + p + "\",\"phone\":\"" + phone + "\",\"smsConsent\":true,\"language\":\"da\"}");
                        dueByPhone.put(phone, due);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("setting up the reminders failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ReminderLoad(dueByPhone);
    }

    /**
     * The environment of one service JVM in these tests: live mode against WireMock as Twilio,
     * reminders {@code offset} before a session only, no quiet hours (the test may run at night),
     * a shared send rate well above the texts due per second, and a short claim timeout.
     */
    static Map<String, String> serviceEnv(DatabaseUrl db, WireMockServer twilio, int port, Duration offset, Path dataDir) {
        var env = new HashMap<>(TestConfig.env(db, twilio.baseUrl()));
        env.put("PORT", String.valueOf(port));
        env.put("HOTLINE_DATA_DIR", dataDir.toString());
        env.put("HOTLINE_REMINDER_OFFSETS", offset.toString());
        env.put("HOTLINE_QUIET_HOURS", "");
        env.put("HOTLINE_OUTBOX_RATE", "50");
        env.put("HOTLINE_OUTBOX_CLAIM_TIMEOUT", "PT20S");
        return env;
    }

    /** What the service's database says: reminders recorded 'sent', and outbox rows not yet settled. */
    static Jdbi jdbi(DatabaseUrl db) {
        return Jdbi.create(() -> LocalDatabase.connect(db));
    }

    static long remindersSent(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM reminders WHERE outcome = 'sent'").mapTo(Long.class).one());
    }

    /** Outbox rows still to be sent or whose send is not settled (a claim of a killed instance). */
    static long outboxUnsettled(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')")
                .mapTo(Long.class).one());
    }

    /**
     * Reminder outcomes and outbox statuses with their counts, and how long after its due time
     * each reminder's trigger ran (least..most), for the report of a run.
     */
    static String state(Jdbi jdbi) {
        return jdbi.withHandle(h -> "reminders=" + h.createQuery("SELECT outcome || ':' || count(*) FROM reminders GROUP BY outcome")
                .mapTo(String.class).list() + " outbox=" + h.createQuery("SELECT status || ':' || count(*) FROM outbox GROUP BY status")
                .mapTo(String.class).list() + " fired_after_due_ms=" + h.createQuery("""
                        SELECT coalesce(round(extract(epoch FROM min(fired_at - due_at)) * 1000, 1) || '..'
                                        || round(extract(epoch FROM max(fired_at - due_at)) * 1000, 1), '-')
                        FROM reminders""").mapTo(String.class).one());
    }

    /** A Danish mobile number unique to the group and participant, in E.164. */
    static String phone(int group, int participant) {
        return String.format("+4534%03d%03d", group, participant);
    }

    int size() {
        return dueByPhone.size();
    }

    /** When the last reminder is due. */
    Instant lastDue() {
        return Collections.max(dueByPhone.values());
    }

    /** One text as WireMock received it: to whom, and when it arrived. */
    record Received(String to, Instant at) {}

    static List<Received> received(WireMockServer twilio) {
        return twilio.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                .map(r -> new Received(FormBody.parse(r.getBodyAsString()).get("To"), r.getLoggedDate().toInstant())).toList();
    }

    static int receivedCount(WireMockServer twilio) {
        return twilio.countRequestsMatching(postRequestedFor(urlPathMatching(MESSAGES)).build()).getCount();
    }

    /** What the texts received add up to, against the plan. */
    record Tally(int texts, int distinct, int duplicates, List<String> unplanned, int early, Duration maxEarly,
                 Duration maxLate) {
        @Override
        public String toString() {
            return "texts=" + texts + " distinct_recipients=" + distinct + " duplicates=" + duplicates
                    + " unplanned=" + unplanned.size() + " early=" + early + " max_early=" + maxEarly.toMillis() + "ms"
                    + " max_lateness=" + maxLate.toMillis() + "ms";
        }
    }

    Tally tally(List<Received> received) {
        Map<String, Long> perPhone = received.stream().collect(Collectors.groupingBy(Received::to, Collectors.counting()));
        List<String> unplanned = perPhone.keySet().stream().filter(p -> !dueByPhone.containsKey(p)).toList();
        int early = 0;
        Duration maxEarly = Duration.ZERO;
        Duration maxLate = Duration.ZERO;
        for (Received r : received) {
            Instant due = dueByPhone.get(r.to());
            if (due == null) {
                continue;
            }
            Duration lateness = Duration.between(due, r.at());
            if (lateness.isNegative()) {
                early++;
                maxEarly = max(maxEarly, lateness.negated());
            } else {
                maxLate = max(maxLate, lateness);
            }
        }
        int duplicates = perPhone.values().stream().mapToInt(n -> (int) (n - 1)).sum();
        return new Tally(received.size(), perPhone.size(), duplicates, unplanned, early, maxEarly, maxLate);
    }

    /** Each planned number got exactly one text, none before its reminder was due, and nobody else got one. */
    void assertEachSentOnceNotEarly(Tally tally) {
        assertThat(tally.unplanned()).as("texts to numbers that have no reminder").isEmpty();
        assertThat(tally.duplicates()).as("numbers texted more than once").isZero();
        assertThat(tally.distinct()).as("numbers texted").isEqualTo(dueByPhone.size());
        assertThat(tally.early()).as("texts that arrived before their reminder was due (by up to %s)", tally.maxEarly()).isZero();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String bearer(String baseUrl) {
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/tokens"))
                .header("Authorization", TestService.basic(TestConfig.ADMIN_EMAIL, TestConfig.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return "Bearer " + Json.text(Json.parse(response), "token");
    }

    private static String post(String baseUrl, String bearer, String path, String json) {
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return response.body();
    }

    private static long id(String body) {
        return Json.number(Json.parse(body), "id");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
