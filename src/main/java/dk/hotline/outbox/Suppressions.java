package dk.hotline.outbox;

import dk.hotline.privacy.BlindIndex;
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
 * opt-out that came after they were queued. Only the blind index is stored.
 */
public final class Suppressions {
    /** SQL for the suppressions table. */
    interface Dao {
        @SqlUpdate("""
                INSERT INTO suppressions (phone_index, reason, created_at) VALUES (:index, :reason, :now)
                ON CONFLICT (phone_index) DO NOTHING""")
        int insert(@Bind("index") byte[] phoneIndex, @Bind("reason") String reason, @Bind("now") Instant now);

        @SqlUpdate("DELETE FROM suppressions WHERE phone_index = :index")
        int delete(@Bind("index") byte[] phoneIndex);

        @SqlQuery("SELECT EXISTS (SELECT 1 FROM suppressions WHERE phone_index = :index)")
        boolean exists(@Bind("index") byte[] phoneIndex);
    }

    private final BlindIndex index;
    private final Clock clock;

    public Suppressions(BlindIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
    }

    /** Records the opt-out; true if the number was not opted out before (confirm it once). */
    public boolean optOut(Handle tx, PhoneNumber number) {
        return tx.attach(Dao.class).insert(index.of(number), "stop", clock.instant()) == 1;
    }

    /**
     * Lifts the opt-out; true if there was one. Texts cancelled meanwhile stay cancelled; texts
     * not yet due are sent when they are.
     */
    public boolean optIn(Handle tx, PhoneNumber number) {
        return tx.attach(Dao.class).delete(index.of(number)) > 0;
    }

    public boolean isOptedOut(Handle tx, PhoneNumber number) {
        return tx.attach(Dao.class).exists(index.of(number));
    }
}
