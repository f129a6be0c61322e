package dk.hotline.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * One feature's part of retention: what it erases, of the personal data in its own tables, once
 * that data is past the retention period or no longer needed. Each feature registers its rules
 * with {@link Retention}, and names every table of its that holds personal data, erased or
 * {@linkplain Kept kept on purpose}; a test compares those names with the schema, so a new table
 * cannot be forgotten.
 */
public interface RetentionRule {
    /** The tables this rule answers for. */
    Set<String> tables();

    /**
     * Erases what was stored before {@code cutoff} (or is useless at {@code now}) and returns how
     * much, by what, for the log. Runs in its own transaction(s); a failure leaves other rules to run.
     */
    Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now);

    /** A table whose personal data is kept for as long as it is in use, and why; retention erases nothing there. */
    record Kept(String table, String why) implements RetentionRule {
        @Override
        public Set<String> tables() {
            return Set.of(table);
        }

        @Override
        public Map<String, Integer> erase(Jdbi jdbi, Instant cutoff, Instant now) {
            return Map.of();
        }
    }
}
