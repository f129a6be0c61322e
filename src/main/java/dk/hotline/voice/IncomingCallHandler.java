package dk.hotline.voice;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.twilio.WebhookParams;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /twilio/voice}: a call comes in. Records it once per CallSid, then answers. */
public final class IncomingCallHandler implements Handler {
    private static final Logger log = LoggerFactory.getLogger(IncomingCallHandler.class);

    private final Jdbi jdbi;
    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final FallbackAnswer answer;
    private final Clock clock;

    public IncomingCallHandler(Jdbi jdbi, PersonalDataCipher cipher, BlindIndex index, FallbackAnswer answer, Clock clock) {
        this.jdbi = jdbi;
        this.cipher = cipher;
        this.index = index;
        this.answer = answer;
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        var params = WebhookParams.of(ctx);
        String callSid = params.sid("CallSid", "CA");
        PhoneNumber caller = params.phone("From").orElse(null);
        int inserted = jdbi.withExtension(CallLogDao.class,
                dao -> dao.recordArrival(callSid, cipher.sealPhone(caller), index.of(caller), clock.instant()));
        log.info("event=call.arrived call={} withheld={} repeat={}", callSid, caller == null, inserted == 0);
        ctx.contentType("text/xml").result(answer.xml());
    }
}
