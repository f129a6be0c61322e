package dk.hotline.groups;

import dk.hotline.common.Language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import dk.hotline.testing.MigratedDatabase;
import dk.hotline.testing.MutableClock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupInterestTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+4520123456");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final EncryptionKey key = EncryptionKey.generate();
    private final PersonalDataCipher cipher = new PersonalDataCipher(key);
    private final GroupInterest interest = new GroupInterest(cipher, new BlindIndex(key), clock);

    @Test
    void aNumberIsOnTheListOnceWithItsNumberSealed() {
        try (var db = new MigratedDatabase()) {
            boolean first = db.jdbi().inTransaction(tx -> interest.add(tx, NUMBER, Language.DANISH, "sms"));
            boolean again = db.jdbi().inTransaction(tx -> interest.add(tx, NUMBER, Language.ENGLISH, "voice"));
            boolean other = db.jdbi().inTransaction(tx -> interest.add(tx, PhoneNumber.parse("+4531987654"), Language.ENGLISH, "voice"));

            assertThat(first).isTrue();
            assertThat(again).as("once per number").isFalse();
            assertThat(other).isTrue();

            Map<String, Object> row = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT phone_sealed, language, source, created_at, invited_at FROM group_interest ORDER BY id LIMIT 1")
                    .mapToMap().one());
            assertThat(cipher.openPhone((byte[]) row.get("phone_sealed"))).isEqualTo(NUMBER);
            assertThat(new String((byte[]) row.get("phone_sealed"), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("20123456");
            assertThat(row).containsEntry("language", "da").containsEntry("source", "sms").containsEntry("invited_at", null);
        }
    }

    @Test
    void anUnknownSourceIsRefused() {
        try (var db = new MigratedDatabase()) {
            assertThatThrownBy(() -> db.jdbi().useTransaction(tx -> interest.add(tx, NUMBER, Language.DANISH, "web")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
