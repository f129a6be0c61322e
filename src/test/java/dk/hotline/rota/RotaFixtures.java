package dk.hotline.rota;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.EncryptionKey;
import dk.hotline.privacy.PersonalDataCipher;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/** Leaders and times for rota tests. */
public final class RotaFixtures {
    /** The limits config/hotline.yaml sets. */
    public static final RotaLimits LIMITS = new RotaLimits(1, 730, 24);
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100_000);
    private static final EncryptionKey KEY = EncryptionKey.generate();

    private RotaFixtures() {}

    public static Leaders leaders(Jdbi jdbi) {
        return new Leaders(jdbi, new PersonalDataCipher(KEY), new BlindIndex(KEY), Clock.systemUTC());
    }

    /** A new active, available leader with a number no other fixture leader has. */
    public static long leader(Jdbi jdbi, String name) {
        String phone = "+4520" + NEXT_NUMBER.getAndIncrement();
        return leaders(jdbi).create(new LeaderInput(name, phone, List.of("da"), true, true)).id();
    }

    /** A wall-clock time in Copenhagen, e.g. {@code local("2027-03-28T17:00")}. */
    public static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(COPENHAGEN).toInstant();
    }
}
