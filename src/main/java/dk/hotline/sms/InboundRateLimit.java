package dk.hotline.sms;

import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PhoneNumber;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * At most {@code maxPerMinute} texts per number per clock minute, counted in PostgreSQL so that
 * every instance shares one count. Once a number is over its limit, each further text costs one
 * index read and no write, so a flood of a thousand texts a minute neither piles up row locks
 * nor reaches a leader.
 */
public final class InboundRateLimit {
    /** SQL for the per-number, per-minute counts. */
    interface Dao {
        @SqlQuery("SELECT texts FROM sms_inbound_counts WHERE phone_index = :index AND minute = :minute")
        Optional<Integer> count(@Bind("index") byte[] phoneIndex, @Bind("minute") Instant minute);

        /** Counts one more text and returns the minute's count, this one included. */
        @SqlQuery("""
                INSERT INTO sms_inbound_counts (phone_index, minute, texts) VALUES (:index, :minute, 1)
                ON CONFLICT (phone_index, minute) DO UPDATE SET texts = sms_inbound_counts.texts + 1
                RETURNING texts""")
        int increment(@Bind("index") byte[] phoneIndex, @Bind("minute") Instant minute);
    }

    private final BlindIndex index;
    private final int maxPerMinute;

    public InboundRateLimit(BlindIndex index, int maxPerMinute) {
        if (maxPerMinute < 1) {
            throw new IllegalArgumentException("sms.maxPerMinute must be at least 1");
        }
        this.index = index;
        this.maxPerMinute = maxPerMinute;
    }

    /**
     * Counts this text in the caller's transaction and says whether it is within the limit. A
     * rolled-back transaction (a webhook that failed, to be retried) takes its count with it.
     */
    public boolean allow(Handle tx, PhoneNumber from, Instant now) {
        var dao = tx.attach(Dao.class);
        byte[] key = index.of(from);
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (dao.count(key, minute).orElse(0) >= maxPerMinute) {
            return false;
        }
        // Two texts may both have read a count below the limit; the count each gets back decides.
        return dao.increment(key, minute) <= maxPerMinute;
    }
}
