package dk.hotline.routing;

import dk.hotline.common.Coded;

/** Why a leader was rung; the code is what {@code call_offers.kind} holds. */
public enum OfferKind implements Coded {
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

    @Override
    public String code() {
        return code;
    }

    static OfferKind of(String code) {
        return Coded.byCode(OfferKind.class, code).orElseThrow(() -> new IllegalArgumentException("unknown offer kind " + code));
    }
}
