package dk.hotline.common;

/** Bad input from a client: answered 400 with the field and the reason; never a 500. */
public final class InvalidInputException extends ServiceException {
    public InvalidInputException(String field, String message) {
        super(field, message);
    }
}
