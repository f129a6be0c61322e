package dk.hotline.common;

/** The request clashes with what is stored (a duplicate, a full group): answered 409. */
public final class ConflictException extends ServiceException {
    public ConflictException(String field, String message) {
        super(field, message);
    }
}
