package dk.hotline.web;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.hotline.common.Coded;

/** What an account may do: a coordinator everything; a leader what concerns their own leader. */
public enum Role implements Coded {
    COORDINATOR("coordinator"),
    LEADER("leader");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @JsonValue
    @Override
    public String code() {
        return code;
    }

    static Role of(String code) {
        return Coded.byCode(Role.class, code).orElseThrow(() -> new IllegalArgumentException("unknown role " + code));
    }

    /** A role as a client wrote it; a 400 naming {@code field} when it is none. */
    static Role of(String code, String field) {
        return Coded.byCode(Role.class, code)
                .orElseThrow(() -> new dk.hotline.common.InvalidInputException(field, "coordinator or leader"));
    }
}
