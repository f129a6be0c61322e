package dk.hotline.twilio;

import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
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

    private final Clock clock;
    private final Deque<DryRunRecord> recent = new ArrayDeque<>();

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
        return new SendResult(sid, STATUS);
    }

    @Override
    public SendResult placeCall(OutboundCall call) {
        String sid = fakeSid("CA");
        remember(new DryRunRecord(DryRunRecord.Kind.CALL, call.to(), call.from(), call.twimlUrl().toString(),
                clock.instant(), sid));
        log.info("dry-run: call to {} recorded, not placed (sid {})", call.to(), sid);
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

    // "dryrun" after the prefix makes a made-up sid obvious wherever it is stored or shown.
    private static String fakeSid(String prefix) {
        return prefix + "dryrun" + UUID.randomUUID().toString().replace("-", "");
    }
}
