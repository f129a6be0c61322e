package dk.hotline.common;

/** Bad input from a client: answered 400 with the field and the reason; never a 500. */
public final class InvalidInputException extends ServiceException {
    public InvalidInputException(String field, String message) {
        super(field, message);
    }

    /** With a {@link #reason()} code for pages, and what their words may name. */
    public InvalidInputException(String field, String reason, String message, Object... details) {
        super(field, reason, message, java.util.List.of(details));
    }
}
