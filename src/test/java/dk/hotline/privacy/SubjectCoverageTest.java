package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.app.SubjectParts;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.twilio.TwilioRecordings;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every table that holds a number, words or a hash is reached by a person's access and erasure
 * requests (some feature's {@link SubjectRecords} names it) or is named as not about the people
 * who call and text, with the reason: a new table with a number cannot be added and left out of
 * an erasure.
 */
class SubjectCoverageTest {
    private static final String PERSONAL_COLUMN = "(_sealed|_index|_hash|^email|^recording_sid)$";

    @Test
    void everyTableWithPersonalDataIsReachedOrSaidNotToBeAboutCallers() {
        try (var db = new MigratedDatabase()) {
            List<String> personal = db.jdbi().withHandle(h -> h.createQuery("""
                    SELECT DISTINCT table_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name NOT LIKE 'qrtz_%' AND column_name ~ :personal
                    ORDER BY table_name""").bind("personal", PERSONAL_COLUMN).mapTo(String.class).list());

            Set<String> answered = new HashSet<>(reached());
            answered.addAll(SubjectParts.NOT_ABOUT_CALLERS.keySet());
            assertThat(personal).as("the schema has personal data where we know it is")
                    .contains("outbox", "calls", "conversations", "group_participants", "suppressions", "notes");
            assertThat(answered).as("tables reached by a subject's requests, or said not to be about callers")
                    .containsAll(personal);
        }
    }

    @Test
    void thePartsNameOnlyTablesThatExistAndNoTableTwice() {
        try (var db = new MigratedDatabase()) {
            List<String> tables = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'").mapTo(String.class).list());

            assertThat(tables).containsAll(reached()).containsAll(SubjectParts.NOT_ABOUT_CALLERS.keySet());
            List<String> named = parts().stream().flatMap(p -> p.tables().stream()).toList();
            assertThat(named).doesNotHaveDuplicates().doesNotContainAnyElementsOf(SubjectParts.NOT_ABOUT_CALLERS.keySet());
        }
    }

    private static Set<String> reached() {
        return Subjects.tables(parts());
    }

    private static List<SubjectRecords> parts() {
        return SubjectParts.of(Sealing.of(EncryptionKey.generate()), TwilioRecordings.dryRun(), null, null, null, Clock.systemUTC());
    }
}
