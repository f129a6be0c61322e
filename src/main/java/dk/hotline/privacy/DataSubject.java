package dk.hotline.privacy;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The person an access or erasure request is about: their number, and every blind index a row
 * about them may carry. Features find their rows with {@code WHERE x_index IN (<indexes>)}
 * ({@link #bindIndexes}), never by computing an index themselves, so that how a number's index is
 * made (one key, or two while keys rotate: {@link BlindIndex#candidates}) is decided here alone, in
 * {@link #of}.
 */
public record DataSubject(PhoneNumber number, List<byte[]> indexes) {
    public DataSubject {
        indexes = List.copyOf(indexes);
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("a subject needs at least one blind index");
        }
    }

    /** The one place a subject's blind indexes are computed. */
    public static DataSubject of(PhoneNumber number, BlindIndex index) {
        return new DataSubject(number, index.candidates(number).values());
    }

    /**
     * Binds the indexes as the list {@code <indexes>}, for {@code x_index IN (<indexes>)}: one
     * {@code bytea} parameter each (the driver cannot send a {@code bytea[]} as text).
     */
    public <S extends SqlStatement<S>> S bindIndexes(S statement) {
        return statement.bindList("indexes", indexes);
    }

    /**
     * What the audit log and the logs may say about the subject: {@code phone:…34}, the last two
     * digits only, which name nobody among the many numbers ending so.
     */
    public String audited() {
        String e164 = number.e164();
        return "phone:…" + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return "DataSubject[" + audited() + "]";
    }
}
