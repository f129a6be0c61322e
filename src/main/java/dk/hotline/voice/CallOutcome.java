package dk.hotline.voice;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.hotline.common.Coded;
import java.util.Arrays;

/**
 * How an inbound call ended, as coordinators see it; the code is {@code calls.outcome}. A call is
 * <em>missed</em> when the caller wanted a person and got none, and the fallback gave them no
 * other way on. A call that ended with a callback request, the fallback number or a voicemail got
 * a next step instead, and one that ended in the menu never asked for a person: those are neither
 * answered nor missed.
 */
public enum CallOutcome implements Coded {
    ANSWERED("answered", false),
    /** Hung up in the menu. */
    ABANDONED_MENU("abandoned-menu", false),
    /** Hung up while leaders were rung. */
    ABANDONED_RINGING("abandoned-ringing", true),
    /** Hung up while waiting in the queue. */
    ABANDONED_QUEUE("abandoned-queue", true),
    /** Leaders were rung and none took it. */
    NO_ANSWER("no-answer", true),
    /** The queue's wait ran out. */
    QUEUE_TIMEOUT("queue-timeout", true),
    /** Nobody was on call. */
    OUT_OF_HOURS("out-of-hours", true),
    CALLBACK_REQUESTED("callback-requested", false),
    FALLBACK_NUMBER("fallback-number", false),
    VOICEMAIL("voicemail", false),
    /** Not over yet (shown for a call without an outcome). */
    IN_PROGRESS("in-progress", false);

    private final String code;
    private final boolean missed;

    CallOutcome(String code, boolean missed) {
        this.code = code;
        this.missed = missed;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /** Whether the caller wanted a person and got none, and no other way on. */
    public boolean missed() {
        return missed;
    }

    /** The codes of the outcomes that count as missed. */
    static String[] missedCodes() {
        return Arrays.stream(values()).filter(o -> o.missed).map(CallOutcome::code).toArray(String[]::new);
    }

    /** The outcome stored for a call; a call with none stored is still going on. */
    static CallOutcome of(String code) {
        if (code == null) {
            return IN_PROGRESS;
        }
        return Coded.byCode(CallOutcome.class, code)
                .orElseThrow(() -> new IllegalArgumentException("unknown call outcome " + code));
    }
}
