package dk.hotline.common;

import java.util.List;
import java.util.Optional;

/**
 * What a service says when it cannot do what was asked, in words a caller of the API can act on.
 * Services throw these and know nothing of HTTP; {@code web} maps each kind to its status in one
 * place (400, 404, 409, 503). The message never quotes input: it may be a phone number.
 */
public abstract sealed class ServiceException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, UnavailableException {
    private final String field;
    private final String reason;
    private final List<Object> details;

    ServiceException(String field, String message) {
        this(field, null, message, List.of());
    }

    ServiceException(String field, String reason, String message, List<Object> details) {
        super(message);
        this.field = field;
        this.reason = reason;
        this.details = List.copyOf(details);
    }

    /** The input field the problem is with, or {@code null} when it is not one field's. */
    public String field() {
        return field;
    }

    /**
     * Why, as a short code a page looks its own words up by ({@code full}, {@code past}), when
     * the field alone does not say it; the English message is for the JSON API and logs.
     */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** What those words may name (a group's capacity, the revealing word); never a client's input. */
    public List<Object> details() {
        return details;
    }
}
