package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.app.Hotline;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.twilio.TwilioRecordings;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every table that holds personal data is answered for by a feature's retention rule, erased or
 * kept with a reason: a new table with a number, a body, a hashed address or a recording cannot
 * be added and forgotten.
 */
class RetentionCoverageTest {
    /** Columns that hold personal data by the schema's own naming: sealed values, blind indexes, hashes, addresses, recordings. */
    private static final String PERSONAL_COLUMN = "(_sealed|_index|_hash|^email|^recording_sid)$";

    @Test
    void everyTableWithPersonalDataHasARetentionRule() {
        try (var db = new MigratedDatabase()) {
            List<String> personal = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT DISTINCT table_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name NOT LIKE 'qrtz_%' AND column_name ~ :personal
                    ORDER BY table_name""").bind("personal", PERSONAL_COLUMN).mapTo(String.class).list());

            assertThat(personal).as("the schema has personal data where we know it is")
                    .contains("outbox", "calls", "leaders", "conversations", "voicemails", "login_throttle", "demo_data");
            assertThat(namedByRules()).as("tables named by a retention rule").containsAll(personal);
        }
    }

    @Test
    void aRuleNamesOnlyTablesThatExist() {
        try (var db = new MigratedDatabase()) {
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").mapTo(String.class).list());

            assertThat(tables).as("a rule naming a table that is gone (or misspelt) erases nothing").containsAll(namedByRules());
        }
    }

    private static Set<String> namedByRules() {
        return new Retention(null, 30, Hotline.retentionRules(TwilioRecordings.dryRun()), java.time.Clock.systemUTC()).rules().stream().flatMap(r -> r.tables().stream())
                .collect(Collectors.toSet());
    }
}
