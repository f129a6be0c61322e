package dk.hotline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.twilio.Webhook;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays Twilio's part in one call: posts signed webhooks to the running service and follows the
 * TwiML it answers (redirects, gathers, dials), the way Twilio would.
 */
public final class TwilioCall {
    private final TestService service;
    private final String callSid;
    private final String from;
    private Twiml last;
    private final StringBuilder heard = new StringBuilder();

    public TwilioCall(TestService service, String callSid, String from) {
        this.service = service;
        this.callSid = callSid;
        this.from = from;
    }

    public String sid() {
        return callSid;
    }

    /** The call comes in; redirects are followed until the service waits for the caller. */
    public Twiml arrive() {
        return follow(post(Webhook.VOICE.path(), Map.of()));
    }

    /** The caller presses a key in the current {@code <Gather>} (or none when {@code digits} is empty). */
    public Twiml press(String digits) {
        String action = last.text("/Response/Gather/@action");
        assertThat(action).as("a Gather waits for a key in:\n" + last.xml()).isNotEmpty();
        if (digits.isEmpty()) {
            // No key: Twilio goes on with the TwiML after the Gather, the Redirect.
            return follow(post(last.text("/Response/Redirect"), Map.of()));
        }
        return follow(post(action, Map.of("Digits", digits)));
    }

    /** The current {@code <Dial>} ends with this status; the service says what happens next. */
    public Twiml dialEnds(String dialCallStatus) {
        String action = last.text("/Response/Dial/@action");
        assertThat(action).as("a Dial with an action in:\n" + last.xml()).isNotEmpty();
        return follow(post(action, Map.of("DialCallStatus", dialCallStatus)));
    }

    /** The caller is in the queue: Twilio asks the wait URL, as it does every time the music ends. */
    public Twiml waitInQueue(int position, int secondsWaited) {
        String waitUrl = last.text("/Response/Enqueue/@waitUrl");
        assertThat(waitUrl).as("an Enqueue in:\n" + last.xml()).isNotEmpty();
        var response = service.twilio(waitUrl, form(Map.of("QueuePosition", String.valueOf(position),
                "QueueTime", String.valueOf(secondsWaited), "QueueSid", "QU00000000000000000000000000000001")));
        assertThat(response.statusCode()).isEqualTo(200);
        return Twiml.parse(response.body());
    }

    /** The caller leaves the queue (bridged, hangup, leave, error). */
    public Twiml queueEnds(String queueResult) {
        String action = last.text("/Response/Enqueue/@action");
        return follow(post(action, Map.of("QueueResult", queueResult)));
    }

    /** The call is over: Twilio's final status callback. */
    public void hangUp(int durationSeconds) {
        var response = service.twilio(Webhook.VOICE_STATUS.path(), form(Map.of("CallStatus", "completed",
                "CallDuration", String.valueOf(durationSeconds))));
        assertThat(response.statusCode()).isEqualTo(204);
    }

    public Twiml last() {
        return last;
    }

    /** Everything the caller heard so far, across redirects. */
    public String heard() {
        return heard.toString();
    }

    private Twiml follow(Twiml twiml) {
        last = twiml;
        heard.append(last.text("/Response")).append('\n');
        // A Redirect that is the whole answer's next step (no Gather before it) is followed at once.
        while (last.count("/Response/Redirect") == 1 && last.count("/Response/Gather") == 0) {
            last = post(last.text("/Response/Redirect"), Map.of());
            heard.append(last.text("/Response")).append('\n');
        }
        return last;
    }

    private Twiml post(String pathAndQuery, Map<String, String> extra) {
        var response = service.twilio(pathAndQuery, form(extra));
        assertThat(response.statusCode()).as(pathAndQuery + " answered " + response.body()).isEqualTo(200);
        return Twiml.parse(response.body());
    }

    private Map<String, String> form(Map<String, String> extra) {
        var form = new LinkedHashMap<>(TestService.incomingCall(callSid, from));
        form.putAll(extra);
        return form;
    }

    /** A leader's phone, rung by a {@code <Number url=…>} of a Dial or by an outbound call. */
    public static final class LeaderLeg {
        private final TestService service;
        private final String legSid;
        private Twiml last;

        public LeaderLeg(TestService service, String legSid) {
            this.service = service;
            this.legSid = legSid;
        }

        /** The leader picks up: Twilio fetches the screening URL on the leader's leg. */
        public Twiml answer(String screenUrl) {
            last = post(screenUrl, Map.of());
            return last;
        }

        /** The leader presses a key in the screening prompt, or none (the leg then hangs up). */
        public Twiml press(String digits) {
            if (digits.isEmpty()) {
                return last;
            }
            last = post(last.text("/Response/Gather/@action"), Map.of("Digits", digits));
            return last;
        }

        private Twiml post(String pathAndQuery, Map<String, String> extra) {
            var form = new LinkedHashMap<String, String>();
            form.put("AccountSid", TestConfig.ACCOUNT_SID);
            form.put("CallSid", legSid);
            form.put("CallStatus", "in-progress");
            form.put("Direction", "outbound-dial");
            form.putAll(extra);
            var response = service.twilio(pathAndQuery, form);
            assertThat(response.statusCode()).as(pathAndQuery + " answered " + response.body()).isEqualTo(200);
            return Twiml.parse(response.body());
        }
    }
}
