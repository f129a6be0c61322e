package dk.hotline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dk.hotline.app.KeyStartup;
import dk.hotline.testing.MigratedDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every sealed column and blind index in the schema is declared by a feature for key rotation:
 * a column the re-seal job does not know would stay under the previous key, and be lost with it.
 */
class SealedTablesCoverageTest {
    @Test
    void everySealedColumnAndBlindIndexIsDeclaredForReSealing() {
        try (var db = new MigratedDatabase()) {
            List<String> sealed = columns(db, "_sealed$");
            List<String> indexes = columns(db, "_index$");
            List<String> declared = KeyStartup.sealedTables().stream()
                    .flatMap(t -> t.sealed().stream().map(c -> t.table() + "." + c)).toList();
            List<String> declaredIndexes = KeyStartup.sealedTables().stream().filter(t -> t.number().isPresent())
                    .map(t -> t.table() + "." + t.number().get().index()).toList();

            assertThat(sealed).as("the schema has sealed values where we know it does")
                    .contains("leaders.phone_sealed", "outbox.body_sealed", "suppressions.phone_sealed");
            assertThat(declared).as("sealed columns the re-seal job knows").containsExactlyInAnyOrderElementsOf(sealed);
            assertThat(indexes).as("a blind index not beside a sealed number: per-minute counters only, which expire in a day")
                    .containsAll(declaredIndexes)
                    .containsExactlyInAnyOrderElementsOf(concat(declaredIndexes, "sms_inbound_counts.phone_index"));
        }
    }

    private static List<String> columns(MigratedDatabase db, String pattern) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT table_name || '.' || column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name NOT LIKE 'qrtz_%' AND column_name ~ :pattern""")
                .bind("pattern", pattern).mapTo(String.class).list());
    }

    private static List<String> concat(List<String> list, String more) {
        var all = new java.util.ArrayList<>(list);
        all.add(more);
        return all;
    }
}
