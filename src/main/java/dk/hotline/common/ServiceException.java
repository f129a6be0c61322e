package dk.hotline.common;

/**
 * What a service says when it cannot do what was asked, in words a caller of the API can act on.
 * Services throw these and know nothing of HTTP; {@code web} maps each kind to its status in one
 * place (400, 404, 409, 503). The message never quotes input: it may be a phone number.
 */
public abstract sealed class ServiceException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, UnavailableException {
    private final String field;

    ServiceException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the problem is with, or {@code null} when it is not one field's. */
    public String field() {
        return field;
    }
}
