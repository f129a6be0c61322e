package dk.hotline.outbox;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Numbers that opted out (STOP) of every text. The outbox checks this when it sends, not when a
 * text is queued, so reminders, follow-ups, relays and anything added later all honour an
 * opt-out that came after they were queued. The blind index finds it; the number is sealed beside
 * it only so that a key rotation can compute the new key's index.
 *
 * <p>During a key rotation an opt-out may still carry the previous key's index: it is looked up by
 * either, and moved to the current key's (with the outbox's rows of that number, which the
 * dispatcher compares with it) whenever the number is at hand.
 */
public final class Suppressions {
    /** SQL for the suppressions table. */
    interface Dao {
        @SqlUpdate("""
                INSERT INTO suppressions (phone_index, phone_sealed, reason, created_at) VALUES (:index, :sealed, :reason, :now)
                ON CONFLICT (phone_index) DO NOTHING""")
        int insert(@Bind("index") byte[] phoneIndex, @Bind("sealed") byte[] phoneSealed, @Bind("reason") String reason,
                   @Bind("now") Instant now);

        @SqlUpdate("DELETE FROM suppressions WHERE phone_index = ANY(:indexes)")
        int delete(@Bind("indexes") BlindIndex.Candidates phoneIndexes);

        @SqlQuery("SELECT EXISTS (SELECT 1 FROM suppressions WHERE phone_index = ANY(:indexes))")
        boolean exists(@Bind("indexes") BlindIndex.Candidates phoneIndexes);
    }

    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    public Suppressions(PersonalDataCipher cipher, BlindIndex index, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /** Records the opt-out; true if the number was not opted out before (confirm it once). */
    public boolean optOut(Handle tx, PhoneNumber number) {
        reindex(tx, index, number);
        return tx.attach(Dao.class).insert(index.of(number), cipher.sealPhone(number), "stop", clock.instant()) == 1;
    }

    /**
     * During a key rotation: this number's opt-out and outbox rows move to the current key's index,
     * so that the dispatcher, which compares the two, sees them as one number again.
     */
    static void reindex(Handle tx, BlindIndex index, PhoneNumber number) {
        index.reindex(tx, "suppressions", "phone_index", number);
        index.reindex(tx, "outbox", "recipient_index", number);
    }

    /**
     * Lifts the opt-out; true if there was one. Texts cancelled meanwhile stay cancelled; texts
     * not yet due are sent when they are.
     */
    public boolean optIn(Handle tx, PhoneNumber number) {
        return tx.attach(Dao.class).delete(index.candidates(number)) > 0;
    }

    public boolean isOptedOut(Handle tx, PhoneNumber number) {
        return tx.attach(Dao.class).exists(index.candidates(number));
    }
}
