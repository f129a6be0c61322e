package dk.hotline.outbox;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.hotline.common.Coded;

/** Where an outbox row stands; the code is {@code outbox.status}. */
public enum OutboxStatus implements Coded {
    /** Waiting for its time, or for a retry. */
    PENDING("pending"),
    /** Claimed by a dispatcher and being sent (or its sender died; then taken back after the claim timeout). */
    SENDING("sending"),
    /** Twilio took it. */
    SENT("sent"),
    /** Twilio refused it for good, or every attempt failed. */
    FAILED("failed"),
    /** Not sent: the recipient opted out, or it was no use any more by the time it could go. */
    CANCELLED("cancelled");

    private final String code;

    OutboxStatus(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    static OutboxStatus of(String code) {
        return Coded.byCode(OutboxStatus.class, code)
                .orElseThrow(() -> new IllegalArgumentException("unknown outbox status " + code));
    }
}
