package dk.hotline.web;

/** Bad input from a client: answered 400 with the field and the reason; never a 500. */
public final class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
