package dk.hotline.routing;

/** Why a leader was rung; the code is what {@code call_offers.kind} holds. */
public enum OfferKind {
    /** For a call coming in now, by {@code <Dial>}. */
    INBOUND("inbound"),
    /** By an outbound call, for the longest-waiting caller in the hold queue. */
    QUEUE("queue"),
    /** By an outbound call, to call back someone who asked. */
    CALLBACK("callback");

    private final String code;

    OfferKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static OfferKind of(String code) {
        for (OfferKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown offer kind " + code);
    }
}
