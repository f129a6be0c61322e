package dk.hotline.twilio;

/** A webhook's answer: TwiML for Twilio to follow, or nothing more to say (HTTP 204). */
public sealed interface Reply {
    record Twiml(String xml) implements Reply {}

    record Done() implements Reply {}

    Reply DONE = new Done();

    static Reply twiml(String xml) {
        return new Twiml(xml);
    }
}
