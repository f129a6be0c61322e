package dk.hotline.privacy;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.app.ConfigException;
import dk.hotline.app.KeyStartup;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioSms;
import dk.hotline.twilio.TwilioStubs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A key rotation on a running database: data sealed under key A, a restart with B and A as the
 * previous key, the background re-seal run one batch and then to the end, and a restart with B
 * alone. Every number stays readable and findable at each step, and A is gone from the database at
 * the end. A start with a key that opens nothing stored is refused.
 */
class KeyRotationTest {
    private static final String KEY_A = TestConfig.ENCRYPTION_KEY;
    private static final String KEY_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";
    private static final String KEY_C = "Q0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0NDQ0M=";
    private static final List<String> LEADERS = List.of("+4520110001", "+4520110002");
    private static final List<String> SURVIVORS = List.of("+4530110001", "+4530110002");
    private static final List<String> CALLERS = List.of("+4540110001", "+4540110002");
    private static final String OPTED_OUT = "+4550110001";

    private WireMockServer twilio;
    private TestService service;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(options().dynamicPort());
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        service = TestService.start(twilio.baseUrl());
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    @Test
    void everyNumberStaysReadableAndFindableWhileAndAfterItIsResealedUnderTheNewKey() throws Exception {
        var coordinator = new Coordinator(service);
        var leaderIds = new ArrayList<Long>();
        for (String phone : LEADERS) {
            leaderIds.add(coordinator.leader("Leder " + phone.substring(phone.length() - 1), phone));
        }
        var sms = new TwilioSms(service, twilio);
        SURVIVORS.forEach(s -> sms.receive(s, "Jeg har brug for at tale med nogen"));
        CALLERS.forEach(c -> sms.receive(c, "RING"));
        sms.receive(OPTED_OUT, "STOP");
        olderFormats();
        assertThat(keyIds().keySet()).containsOnly(EncryptionKey.fromBase64(KEY_A).idHex(), "none");

        service = service.restart(env -> rotating(env, KEY_B, KEY_A));
        var reseal = new Reseal(service.jdbi(), Sealing.of(EncryptionKey.fromBase64(KEY_B),
                Optional.of(EncryptionKey.fromBase64(KEY_A))), KeyStartup.sealedTables(), new SimpleMeterRegistry());
        assertThat(reseal.batch(1)).isPositive();
        assertThat(keyIds().keySet()).as("half re-sealed").contains(idOf(KEY_A), idOf(KEY_B));
        assertThat(service.get("/metrics").body()).as("as the service counted at its start")
                .contains("hotline_reseal_rows_left{table=\"leaders\"} 2.0");
        everyNumberWorks(leaderIds, 2);

        service.runJob(ResealJob.class);
        assertThat(keyIds().keySet()).containsOnly(idOf(KEY_B));
        assertThat(service.get("/metrics").body()).contains("hotline_reseal_rows_left{table=\"leaders\"} 0.0")
                .contains("hotline_reseal_rows_left{table=\"conversations\"} 0.0");
        everyNumberWorks(leaderIds, 3);

        service = service.restart(env -> rotating(env, KEY_B, null));
        everyNumberWorks(leaderIds, 4);
        assertThat(keyIds().keySet()).as("no value under A is left").containsOnly(idOf(KEY_B));
        int indexOnly = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM suppressions WHERE phone_sealed IS NULL").mapTo(Integer.class).one());
        assertThat(indexOnly).as("the opt-out from before key ids got its number back").isZero();
    }

    @Test
    void aStartWithAKeyThatOpensNothingStoredIsRefusedNamingTheKey() {
        new Coordinator(service).leader("Anna", LEADERS.get(0));

        assertThatThrownBy(() -> service.restart(env -> rotating(env, KEY_C, null)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("HOTLINE_ENCRYPTION_KEY")
                .hasMessageContaining("does not open the data in this database")
                .hasMessageContaining(idOf(KEY_A)).hasMessageContaining(idOf(KEY_C))
                .hasMessageContaining("HOTLINE_ENCRYPTION_KEY_PREVIOUS");
        assertThatThrownBy(() -> service.restart(env -> rotating(env, KEY_C, KEY_B)))
                .as("a previous key that is not the data's either").isInstanceOf(ConfigException.class);

        service = service.restart(env -> rotating(env, KEY_C, KEY_A));
        assertThat(Json.text(Json.parse(new Coordinator(service).get("/api/leaders?reveal=true")).get(0), "phone"))
                .isEqualTo(LEADERS.get(0));
    }

    /** Values as a release before key ids wrote them: a number sealed without key id, an opt-out with its index alone. */
    private void olderFormats() throws Exception {
        byte[] version1 = PersonalDataCipherTest.sealAsVersion1(EncryptionKey.fromBase64(KEY_A), LEADERS.get(1));
        service.jdbi().useHandle(h -> {
            h.createUpdate("UPDATE leaders SET phone_sealed = :v WHERE phone_sealed IS NOT NULL AND id = (SELECT max(id) FROM leaders)")
                    .bind("v", version1).execute();
            assertThat(h.createUpdate("UPDATE suppressions SET phone_sealed = NULL").execute()).isEqualTo(1);
        });
    }

    /** Reveal, lookup by number, uniqueness by number and the opt-out, for every number stored. */
    private void everyNumberWorks(List<Long> leaderIds, int textsFromEachSurvivor) {
        var coordinator = new Coordinator(service);
        var sms = new TwilioSms(service, twilio);
        var leaders = Json.parse(coordinator.get("/api/leaders?reveal=true"));
        for (int i = 0; i < LEADERS.size(); i++) {
            assertThat(Json.text(Json.withId(leaders, leaderIds.get(i)), "phone")).isEqualTo(LEADERS.get(i));
            assertThat(coordinator.post("/api/leaders", "{\"name\":\"Twin\",\"phone\":\"" + LEADERS.get(i) + "\"}").statusCode())
                    .as("one leader per number, whichever key indexed it").isEqualTo(409);
            sms.receive(LEADERS.get(i), "OFF");
            assertThat(Json.bool(Json.withId(Json.parse(coordinator.get("/api/leaders")), leaderIds.get(i)), "available"))
                    .as("the leader's text was known by its number").isFalse();
            sms.receive(LEADERS.get(i), "ON");
        }
        var callbacks = Json.elements(coordinator.get("/api/callbacks?status=open&reveal=true")).stream()
                .map(c -> Json.text(c, "phone")).toList();
        assertThat(callbacks).containsExactlyInAnyOrderElementsOf(CALLERS);
        SURVIVORS.forEach(s -> sms.receive(s, "Er der nogen?"));
        var conversations = Json.elements(Json.parse(coordinator.get("/api/conversations")));
        assertThat(conversations).as("each text continued its texter's conversation").hasSize(SURVIVORS.size())
                .allSatisfy(c -> assertThat(c.get("textsIn").asInt()).isEqualTo(textsFromEachSurvivor));
        sms.receive(OPTED_OUT, "HJÆLP");
        Await.until("the help text to an opted-out number is cancelled", Await.SOON, () -> service.jdbi().withHandle(h ->
                h.createQuery("SELECT count(*) FROM outbox WHERE message_kind = 'help' AND status <> 'cancelled'")
                        .mapTo(Integer.class).one()) == 0);
        assertThat(sms.sentTo(OPTED_OUT)).as("only the STOP confirmation").hasSize(1);
    }

    /** How many sealed values name each key id ("none": sealed before key ids), over every sealed column. */
    private Map<String, Integer> keyIds() {
        var counts = new TreeMap<String, Integer>();
        for (SealedTable table : KeyStartup.sealedTables()) {
            for (String column : table.sealed()) {
                service.jdbi().withHandle(h -> h.createQuery("SELECT " + column + " FROM " + table.table()
                        + " WHERE " + column + " IS NOT NULL").mapTo(byte[].class).list())
                        .forEach(v -> counts.merge(PersonalDataCipher.keyIdOf(v).orElse("none"), 1, Integer::sum));
            }
        }
        return counts;
    }

    private static Map<String, String> rotating(Map<String, String> env, String key, String previous) {
        env.put("HOTLINE_ENCRYPTION_KEY", key);
        env.remove("HOTLINE_ENCRYPTION_KEY_PREVIOUS");
        if (previous != null) {
            env.put("HOTLINE_ENCRYPTION_KEY_PREVIOUS", previous);
        }
        // The test runs the re-seal itself: the job's first run would be a day after start.
        env.put("HOTLINE_RESEAL_EVERY", "P1D");
        return env;
    }

    private static String idOf(String key) {
        return EncryptionKey.fromBase64(key).idHex();
    }
}
