package dk.hotline.common;

/** The request clashes with what is stored (a duplicate, a full group): answered 409. */
public final class ConflictException extends ServiceException {
    public ConflictException(String field, String message) {
        super(field, message);
    }

    /** With a {@link #reason()} code for pages, and what their words may name. */
    public ConflictException(String field, String reason, String message, Object... details) {
        super(field, reason, message, java.util.List.of(details));
    }
}
