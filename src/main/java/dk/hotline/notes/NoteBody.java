package dk.hotline.notes;

import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.PhoneNumber;
import java.util.Optional;

/**
 * The rules for a note's words. A note is for evaluation, never for reaching someone: a phone
 * number in it ({@link PhoneNumber#appearsIn}: however it is grouped, Danish or with a country
 * code) is refused rather than sealed, so that no number is kept beyond the call record's
 * retention. Times and dates are words a note needs and are let through.
 */
public final class NoteBody {
    public static final int MAX_LENGTH = 2000;

    /** Why a text cannot be a note's words; its code names the message a page shows. */
    public enum Problem {
        EMPTY("empty"), TOO_LONG("tooLong"), PHONE_NUMBER("phone");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private NoteBody() {}

    /** What is wrong with {@code body} as a note's words, if anything. */
    public static Optional<Problem> problem(String body) {
        if (body == null || body.isBlank()) {
            return Optional.of(Problem.EMPTY);
        }
        if (lines(body).length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (PhoneNumber.appearsIn(body)) {
            return Optional.of(Problem.PHONE_NUMBER);
        }
        return Optional.empty();
    }

    /** The words, trimmed; a 400 on {@code body} when they cannot be a note (the message never quotes them). */
    static String check(String body) {
        problem(body).ifPresent(problem -> {
            throw new InvalidInputException("body", switch (problem) {
                case EMPTY -> "required";
                case TOO_LONG -> "at most " + MAX_LENGTH + " characters";
                case PHONE_NUMBER -> "must not contain a phone number";
            });
        });
        return lines(body).strip();
    }

    /**
     * A form sends each line break as CR LF, while the browser counted it as one character against
     * the field's {@code maxlength}: counted and kept as LF, a note that fitted in the form fits here.
     */
    private static String lines(String body) {
        return body.replace("\r\n", "\n");
    }
}
