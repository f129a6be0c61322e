package dk.hotline.sms;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The support-group interest list: people who asked (GRUPPE, or the voice menu) to hear about a
 * group. One entry per number, found by blind index; the number is sealed for the invitation.
 */
public final class GroupInterest {
    static final Set<String> SOURCES = Set.of("sms", "voice");

    /** SQL for the interest list. */
    public interface Dao {
        @SqlQuery("""
                INSERT INTO group_interest (phone_sealed, phone_index, language, source, created_at)
                VALUES (:sealed, :index, :language, :source, :now)
                ON CONFLICT (phone_index) DO NOTHING RETURNING id""")
        Optional<Long> insert(@Bind("sealed") byte[] phoneSealed, @Bind("index") byte[] phoneIndex,
                              @Bind("language") String language, @Bind("source") String source, @Bind("now") Instant now);
    }

    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    public GroupInterest(PersonalDataCipher cipher, BlindIndex index, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /** Puts the number on the list; true if it was not on it already. */
    public boolean add(Handle tx, PhoneNumber number, String language, String source) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + SOURCES);
        }
        if (language == null || !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("language must be a two-letter code");
        }
        return tx.attach(Dao.class).insert(cipher.sealPhone(number), index.of(number), language, source, clock.instant())
                .isPresent();
    }
}
