package dk.hotline.outbox;

import dk.hotline.twilio.OutboundCall;
import dk.hotline.twilio.OutboundSms;
import dk.hotline.twilio.SendResult;
import dk.hotline.twilio.TwilioGateway;
import java.time.Instant;
import java.util.List;

/** A gateway that hands every request to another; a test overrides the requests it wants to slow down or watch. */
class ForwardingGateway implements TwilioGateway {
    private final TwilioGateway twilio;

    ForwardingGateway(TwilioGateway twilio) {
        this.twilio = twilio;
    }

    @Override
    public SendResult sendSms(OutboundSms sms) {
        return twilio.sendSms(sms);
    }

    @Override
    public SendResult placeCall(OutboundCall call) {
        return twilio.placeCall(call);
    }

    @Override
    public List<SendResult> findSms(OutboundSms sms, Instant notBefore) {
        return twilio.findSms(sms, notBefore);
    }

    @Override
    public List<SendResult> findCall(OutboundCall call, Instant notBefore) {
        return twilio.findCall(call, notBefore);
    }
}
