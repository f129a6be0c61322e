package dk.hotline.outbox;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.hotline.common.Coded;
import java.util.Optional;

/**
 * How far an outbox row has come, as a coordinator asks it: the row's own status joined with
 * Twilio's last word on it. A text Twilio took but could not hand over ({@code undelivered}) is
 * failed too, and one the dry-run gateway only recorded is {@link #DRY_RUN}, not sent.
 */
public enum OutboxState implements Coded {
    /** Waiting for its time, or for another try. */
    QUEUED("queued"),
    SENDING("sending"),
    /** Twilio took it; no word yet that it arrived. */
    SENT("sent"),
    /** Twilio says it arrived (a call: was answered). */
    DELIVERED("delivered"),
    /** Refused for good, every try failed, or Twilio could not hand it over. */
    FAILED("failed"),
    /** Not sent: the recipient opted out, or it was no use any more. */
    CANCELLED("cancelled"),
    /** Recorded by the dry-run gateway instead of sent (no Twilio credentials). */
    DRY_RUN("dry-run");

    private final String code;

    OutboxState(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** The state a client wrote, if it is one. */
    public static Optional<OutboxState> fromCode(String code) {
        return Coded.byCode(OutboxState.class, code);
    }
}
