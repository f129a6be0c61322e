package dk.hotline.twilio;

import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway when no Twilio credentials are configured: nothing leaves the machine. Each text or
 * call is answered with a made-up sid and status {@code dry-run}, and the last {@value #CAPACITY}
 * are kept in memory so the console can show what would have been sent.
 */
public final class DryRunTwilioGateway implements TwilioGateway {
    private static final Logger log = LoggerFactory.getLogger(DryRunTwilioGateway.class);

    public static final int CAPACITY = 500;
    public static final String STATUS = "dry-run";
    public static final String FAKE_SID_MARK = "00000000";

    private final Clock clock;
    private final Deque<DryRunRecord> recent = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Told of each text and call as it is recorded: the phone simulator plays the phones they
     * would have reached. Called on the outbox's thread, so a listener hands the work on and returns.
     */
    public interface Listener {
        void sms(OutboundSms sms, String sid);

        void call(OutboundCall call, String sid);
    }

    public DryRunTwilioGateway() {
        this(Clock.systemUTC());
    }

    public DryRunTwilioGateway(Clock clock) {
        this.clock = clock;
    }

    @Override
    public SendResult sendSms(OutboundSms sms) {
        String sid = fakeSid("SM");
        remember(new DryRunRecord(DryRunRecord.Kind.SMS, sms.to(), sms.from(), sms.body(), clock.instant(), sid));
        log.info("dry-run: SMS to {} recorded, not sent (sid {})", sms.to(), sid);
        listeners.forEach(l -> l.sms(sms, sid));
        return new SendResult(sid, STATUS);
    }

    @Override
    public SendResult placeCall(OutboundCall call) {
        String sid = fakeSid("CA");
        remember(new DryRunRecord(DryRunRecord.Kind.CALL, call.to(), call.from(), call.twimlUrl().toString(),
                clock.instant(), sid));
        log.info("dry-run: call to {} recorded, not placed (sid {})", call.to(), sid);
        listeners.forEach(l -> l.call(call, sid));
        return new SendResult(sid, STATUS);
    }

    @Override
    public List<SendResult> findSms(OutboundSms sms, Instant notBefore) {
        return find(DryRunRecord.Kind.SMS, sms.to(), sms.from(), sms.body(), notBefore);
    }

    @Override
    public List<SendResult> findCall(OutboundCall call, Instant notBefore) {
        return find(DryRunRecord.Kind.CALL, call.to(), call.from(), call.twimlUrl().toString(), notBefore);
    }

    /** From what it recorded, as Twilio would answer from what it was sent; forgotten ones are not found. */
    private List<SendResult> find(DryRunRecord.Kind kind, PhoneNumber to, PhoneNumber from, String content,
                                  Instant notBefore) {
        Instant since = notBefore.minus(CLOCK_SKEW);
        return recent().stream()
                .filter(r -> r.kind() == kind && r.to().equals(to) && r.from().equals(from)
                        && r.content().equals(content) && !r.at().isBefore(since))
                .map(r -> new SendResult(r.sid(), STATUS))
                .toList();
    }

    public void listen(Listener listener) {
        listeners.add(listener);
    }

    /** The last texts and calls, newest first. */
    public synchronized List<DryRunRecord> recent() {
        return List.copyOf(recent);
    }

    private synchronized void remember(DryRunRecord record) {
        recent.addFirst(record);
        while (recent.size() > CAPACITY) {
            recent.removeLast();
        }
    }

    /**
     * Eight zeros after the prefix mark a made-up sid wherever it is stored or shown; the rest is
     * random hex, so it has a real sid's shape and the simulator can report on it as Twilio would.
     */
    private static String fakeSid(String prefix) {
        return prefix + FAKE_SID_MARK + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
