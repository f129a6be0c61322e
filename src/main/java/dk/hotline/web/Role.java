package dk.hotline.web;

import com.fasterxml.jackson.annotation.JsonValue;
import dk.hotline.common.Coded;
import io.javalin.security.RouteRole;

/**
 * What an account may do: a coordinator everything; a leader what concerns their own leader. As a
 * Javalin route role, {@code LEADER} on an {@code /api} route opens it to leader tokens (its
 * handler then limits the answer to the leader's own data); every other API route is the
 * coordinators'.
 */
public enum Role implements Coded, RouteRole {
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
