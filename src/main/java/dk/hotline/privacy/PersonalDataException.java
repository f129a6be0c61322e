package dk.hotline.privacy;

/**
 * Sealed personal data could not be opened or sealed: tampered, truncated, of an unknown version,
 * or sealed under another key. Its message never contains plaintext.
 */
public final class PersonalDataException extends RuntimeException {
    public PersonalDataException(String message) {
        super(message);
    }

    public PersonalDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
