package dk.hotline.privacy;

/** A phone number that could not be parsed. Its message never contains the input. */
public final class InvalidPhoneNumberException extends IllegalArgumentException {
    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}
