package dk.hotline.common;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum whose constants are stored and shown by a short code ("da", "ringing", "queue-timeout"):
 * the code is the database's and the API's; the constant is the code's.
 */
public interface Coded {
    String code();

    /** The constant of {@code type} with this code, if there is one. */
    static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
