package dk.hotline.routing;

import dk.hotline.common.Coded;

/** Where an offer stands; the code is what {@code call_offers.state} holds. */
public enum OfferState implements Coded {
    /** The leader's phone rings (or the leader is deciding): the leader counts as busy. */
    RINGING("ringing"),
    /** The leader took the call and is on it: busy. */
    ACCEPTED("accepted"),
    /** The leader's phone answered, but not with 1. */
    DECLINED("declined"),
    /** Nobody answered, or another leader was quicker. */
    MISSED("missed"),
    /** The talk is over; the leader's wrap-up runs from its end. */
    ENDED("ended");

    private final String code;

    OfferState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static OfferState of(String code) {
        return Coded.byCode(OfferState.class, code).orElseThrow(() -> new IllegalArgumentException("unknown offer state " + code));
    }
}
