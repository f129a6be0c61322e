package dk.hotline.voice;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dk.hotline.testing.Await;
import dk.hotline.testing.Coordinator;
import dk.hotline.testing.Json;
import dk.hotline.testing.TestConfig;
import dk.hotline.testing.TestService;
import dk.hotline.testing.TwilioCall;
import dk.hotline.testing.Twiml;
import dk.hotline.twilio.TwilioStubs;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dk.hotline.twilio.Webhook;

/** A caller leaves a message at a voicemail step; leaders on call are told; a coordinator listens. */
class VoicemailTest {
    private static final String CALLER = "+4529876543";
    private static final String MAJA = "+4520000001";
    private static final String RECORDING = "RE" + "0123456789abcdef0123456789abcdef";
    private static final String RECORDING_PATH = "/2010-04-01/Accounts/" + TestConfig.ACCOUNT_SID + "/Recordings/" + RECORDING + ".mp3";
    private static final byte[] MP3 = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0x00, 0x0F, (byte) 0xF0, 0x00};
    private static final AtomicInteger SIDS = new AtomicInteger();

    private final WireMockServer twilio = new WireMockServer(options().dynamicPort());
    private TestService service;
    private Coordinator coordinator;

    @BeforeEach
    void start(@TempDir Path flows) throws IOException {
        twilio.start();
        TwilioStubs.messageCreated(twilio);
        Path dir = flowsWithVoicemail(flows);
        service = TestService.start(twilio.baseUrl(), env -> {
            env.put("HOTLINE_FLOWS", dir.toString());
            return env;
        }, Clock.systemUTC());
        coordinator = new Coordinator(service);
    }

    @AfterEach
    void stop() {
        service.close();
        twilio.stop();
    }

    /** Every flow file as it is, but key 7 of the Danish menu leading to a voicemail step of 90 seconds. */
    static Path flowsWithVoicemail(Path dir) throws IOException {
        try (var files = Files.list(Path.of("flows"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        String voice = Files.readString(Path.of("flows", "voice.yaml"));
        assertThat(voice).contains("        \"9\": welcome-en\n");
        Files.writeString(dir.resolve("voice.yaml"), voice.replace("        \"9\": welcome-en\n",
                "        \"9\": welcome-en\n        \"7\": voicemail-da\n") + """

                  voicemail-da:
                    voicemail:
                      language: da
                      maxSeconds: 90
                """);
        return dir;
    }

    @Test
    void callerPressingTheKeyHearsThePromptAndIsRecordedAfterTheTone() {
        var call = newCall();
        call.arrive();

        var record = call.press("7");

        assertThat(record.text("/Response/Say[1]")).contains("besked efter tonen").doesNotContain("vold");
        assertThat(record.text("/Response/Say[1]/@language")).isEqualTo("da-DK");
        assertThat(record.text("/Response/Record/@maxLength")).isEqualTo("90");
        assertThat(record.text("/Response/Record/@playBeep")).isEqualTo("true");
        assertThat(record.text("/Response/Record/@finishOnKey")).isEqualTo("#");
        assertThat(record.text("/Response/Record/@action")).isEqualTo(Webhook.VOICEMAIL_DONE.url("da"));
        assertThat(record.text("/Response/Record/@recordingStatusCallback")).isEqualTo(Webhook.VOICEMAIL_RECORDED.url());
        assertThat(record.text("/Response/Record/@recordingStatusCallbackMethod")).isEqualTo("POST");
        assertThat(record.text("/Response/Record/following-sibling::Say[1]"))
                .as("no recording: Twilio reads on, and the caller still hears 112").contains("1 1 2");
        assertThat(record.count("/Response/Record/following-sibling::Hangup")).isEqualTo(1);
    }

    @Test
    void aMessageIsStoredOnceAndTheLeaderOnCallIsTextedItsNumberNotTheCallers() {
        onCallNow("Maja", MAJA);
        var call = newCall();
        call.arrive();
        var record = call.press("7");
        var form = recordingDone(call, "37");

        var first = service.twilio(record.text("/Response/Record/@action"), form);
        var retry = service.twilio(record.text("/Response/Record/@action"), form);

        assertThat(first.statusCode()).isEqualTo(200);
        var thanks = Twiml.parse(first.body());
        assertThat(thanks.text("/Response/Say[1]")).contains("Tak for din besked");
        assertThat(thanks.text("/Response/Say[last()]")).contains("1 1 2");
        assertThat(thanks.count("/Response/Hangup")).isEqualTo(1);
        assertThat(retry.body()).as("a Twilio retry gets the first answer").isEqualTo(first.body());

        String list = coordinator.get("/api/voicemails");
        var voicemail = Json.withText(Json.parse(list), "callSid", call.sid());
        long id = Json.number(voicemail, "id");
        assertThat(Json.number(voicemail, "durationSeconds")).isEqualTo(37);
        assertThat(Json.text(voicemail, "language")).isEqualTo("da");
        assertThat(Json.text(voicemail, "heardAt")).isNull();
        // Privacy: the caller's number in clear appears nowhere in the list.
        assertThat(list).doesNotContain("29876543");
        assertThat(count("SELECT count(*) FROM voicemails")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE dedupe_key LIKE 'voicemail:%'")).as("one text, not two").isEqualTo(1);
        Await.until("the leader on call is texted", Await.SOON,
                () -> !twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH))).isEmpty());
        var texts = twilio.findAll(postRequestedFor(urlEqualTo(TwilioStubs.MESSAGES_PATH)));
        assertThat(texts).hasSize(1);
        String sms = URLDecoder.decode(texts.get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(sms).contains("To=" + MAJA).contains("talebesked nr. " + id).doesNotContain("29876543");
        assertThat(outcome(call.sid())).isEqualTo("voicemail");

        call.hangUp(60);
        assertThat(outcome(call.sid())).as("the call's end keeps the outcome").isEqualTo("voicemail");
    }

    @Test
    void aRecordingWithNothingSaidIsNeitherListedNorAnnounced() {
        onCallNow("Maja", MAJA);
        var call = newCall();
        call.arrive();
        var record = call.press("7");

        var answer = service.twilio(record.text("/Response/Record/@action"), recordingDone(call, "1"));

        var goodbye = Twiml.parse(answer.body());
        assertThat(goodbye.text("/Response/Say[1]")).contains("Tak fordi du ringede");
        assertThat(goodbye.text("/Response/Say[last()]")).contains("1 1 2");
        assertThat(Json.elements(coordinator.get("/api/voicemails"))).isEmpty();
        assertThat(count("SELECT count(*) FROM outbox")).isZero();
        assertThat(outcome(call.sid())).isNotEqualTo("voicemail");
        assertThat(count("SELECT count(*) FROM voicemails WHERE discarded AND deleted_at IS NULL"))
                .as("kept only so that retention deletes it at Twilio").isEqualTo(1);
    }

    @Test
    void recordingStatusIsKeptWhicheverCallbackComesFirstAndUnknownStatusesAreIgnored() {
        var call = newCall();
        call.arrive();
        var record = call.press("7");

        var early = service.twilio(Webhook.VOICEMAIL_RECORDED.path(), recordingStatus(call, "completed"));
        var unknown = service.twilio(Webhook.VOICEMAIL_RECORDED.path(), recordingStatus(call, "in-progress"));
        assertThat(Json.elements(coordinator.get("/api/voicemails"))).as("not a message until the Record action says so").isEmpty();
        service.twilio(record.text("/Response/Record/@action"), recordingDone(call, "12"));

        assertThat(early.statusCode()).isEqualTo(204);
        assertThat(unknown.statusCode()).isEqualTo(204);
        var voicemail = Json.withText(Json.parse(coordinator.get("/api/voicemails")), "callSid", call.sid());
        assertThat(Json.text(voicemail, "recordingStatus")).isEqualTo("completed");
        assertThat(Json.number(voicemail, "durationSeconds")).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM voicemails")).isEqualTo(1);
    }

    @Test
    void listeningStreamsTwiliosMp3WithOurCredentialsAndIsAudited() throws Exception {
        twilio.stubFor(get(urlEqualTo(RECORDING_PATH)).withBasicAuth(TestConfig.ACCOUNT_SID, TestConfig.AUTH_TOKEN)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(MP3)));
        long id = leaveMessage();

        var audio = audio(id);

        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(audio.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(audio.body()).isEqualTo(MP3);
        twilio.verify(1, getRequestedFor(urlEqualTo(RECORDING_PATH))
                .withHeader("Authorization", equalTo(TestService.basic(TestConfig.ACCOUNT_SID, TestConfig.AUTH_TOKEN))));
        List<String> audited = service.jdbi().withHandle(h -> h.createQuery(
                "SELECT action || ' ' || subject FROM audit_log WHERE action = 'reveal'").mapTo(String.class).list());
        assertThat(audited).containsExactly("reveal voicemail:" + id);
        assertThat(Json.text(Json.withId(Json.parse(coordinator.get("/api/voicemails")), id), "heardAt")).isNotNull();
    }

    @Test
    void aRecordingTwilioNoLongerHasIs404AndNotAudited() throws Exception {
        twilio.stubFor(get(urlEqualTo(RECORDING_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":20404,\"status\":404}")));
        long id = leaveMessage();

        var audio = audio(id);

        assertThat(audio.statusCode()).isEqualTo(404);
        assertThat(Json.text(Json.parse(new String(audio.body(), StandardCharsets.UTF_8)), "error")).contains("no longer has the recording");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'reveal'")).isZero();
        assertThat(audio(id + 1000).statusCode()).isEqualTo(404);
    }

    @Test
    void twilioFailingIsABadGatewayNotA500() throws Exception {
        twilio.stubFor(get(urlEqualTo(RECORDING_PATH)).willReturn(aResponse().withStatus(503)));
        long id = leaveMessage();

        var audio = audio(id);

        assertThat(audio.statusCode()).isEqualTo(502);
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'reveal'")).isZero();
    }

    @Test
    void unsignedCallbacksAre403AndStoreNothing() {
        var call = newCall();
        call.arrive();
        call.press("7");

        var done = service.postForm(Webhook.VOICEMAIL_DONE.url("da"), recordingDone(call, "30"), Map.of());
        var recorded = service.postForm(Webhook.VOICEMAIL_RECORDED.path(), recordingStatus(call, "completed"),
                Map.of("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"));

        assertThat(done.statusCode()).isEqualTo(403);
        assertThat(recorded.statusCode()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM voicemails")).isZero();
    }

    @Test
    void theListAndTheAudioNeedACoordinator() {
        assertThat(service.api("GET", "/api/voicemails", null, null).statusCode()).isEqualTo(401);
        assertThat(service.api("GET", "/api/voicemails/1/audio", "Bearer nonsense", null).statusCode()).isEqualTo(401);
    }

    /** A whole call that leaves a 20-second message; its id. */
    private long leaveMessage() {
        var call = newCall();
        call.arrive();
        var record = call.press("7");
        var answer = service.twilio(record.text("/Response/Record/@action"), recordingDone(call, "20"));
        assertThat(answer.statusCode()).isEqualTo(200);
        return service.jdbi().withHandle(h -> h.createQuery("SELECT id FROM voicemails WHERE call_sid = :c")
                .bind("c", call.sid()).mapTo(Long.class).one());
    }

    private HttpResponse<byte[]> audio(long id) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(service.uri("/api/voicemails/" + id + "/audio"))
                .header("Authorization", service.bearer()).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What Twilio posts to the Record action when the recording ends. */
    private static Map<String, String> recordingDone(TwilioCall call, String seconds) {
        var form = new LinkedHashMap<>(TestService.incomingCall(call.sid(), CALLER));
        form.put("CallStatus", "in-progress");
        form.put("RecordingSid", RECORDING);
        form.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + TestConfig.ACCOUNT_SID + "/Recordings/" + RECORDING);
        form.put("RecordingDuration", seconds);
        form.put("Digits", "#");
        return form;
    }

    private static Map<String, String> recordingStatus(TwilioCall call, String status) {
        var form = new LinkedHashMap<String, String>();
        form.put("AccountSid", TestConfig.ACCOUNT_SID);
        form.put("CallSid", call.sid());
        form.put("RecordingSid", RECORDING);
        form.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + TestConfig.ACCOUNT_SID + "/Recordings/" + RECORDING);
        form.put("RecordingStatus", status);
        form.put("RecordingDuration", "12");
        form.put("RecordingChannels", "1");
        form.put("RecordingSource", "RecordVerb");
        return form;
    }

    private void onCallNow(String name, String phone) {
        long id = coordinator.leader(name, phone, List.of("da"));
        Instant now = Instant.now();
        coordinator.shift(id, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)));
    }

    private int count(String sql) {
        return service.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private String outcome(String callSid) {
        return service.jdbi().withHandle(h -> h.createQuery("SELECT outcome FROM calls WHERE call_sid = :c")
                .bind("c", callSid).mapTo(String.class).findOne().orElse(null));
    }

    private TwilioCall newCall() {
        return new TwilioCall(service, String.format("CA%032x", SIDS.incrementAndGet() + System.nanoTime()), CALLER);
    }
}
