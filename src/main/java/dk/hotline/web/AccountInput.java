package dk.hotline.web;

import dk.hotline.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** An account's e-mail and password as someone typed them, checked; a 400 naming the field when they will not do. */
final class AccountInput {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountInput() {}

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("email", "required");
        }
        String email = raw.trim();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "not an e-mail address");
        }
        return email;
    }

    /** At least 12 characters; at most 72 bytes in UTF-8, all of which bcrypt reads. */
    static String password(String raw, String field) {
        if (raw == null || raw.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException(field, "at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > PasswordCheck.MAX_PASSWORD_BYTES) {
            throw new InvalidInputException(field, "at most " + PasswordCheck.MAX_PASSWORD_BYTES + " bytes");
        }
        return raw;
    }
}
