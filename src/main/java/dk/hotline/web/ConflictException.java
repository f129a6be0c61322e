package dk.hotline.web;

/** The request clashes with what is stored (a duplicate, a full group): answered 409. */
public final class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
