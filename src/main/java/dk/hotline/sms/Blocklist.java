package dk.hotline.sms;

import dk.hotline.common.ConflictException;
import dk.hotline.common.InvalidInputException;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Numbers coordinators have blocked: their texts get no relay and no reply. Looked up by blind
 * index on every inbound text, so the check costs one index probe.
 */
public final class Blocklist {
    static final int MAX_REASON = 500;

    /** A blocked number, opened for the coordinators' API. */
    public record Entry(long id, PhoneNumber phone, String reason, Long createdBy, Instant createdAt) {}

    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    public Blocklist(PersonalDataCipher cipher, BlindIndex index, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    public boolean isBlocked(Handle tx, PhoneNumber number) {
        return tx.attach(BlocklistDao.class).contains(index.candidates(number));
    }

    public List<Entry> list(Handle tx) {
        return tx.attach(BlocklistDao.class).all().stream()
                .map(r -> new Entry(r.id(), cipher.openPhone(r.phoneSealed()), r.reason(), r.createdBy(), r.createdAt()))
                .toList();
    }

    /** Blocks the number; a {@link ConflictException} when it is blocked already. */
    public Entry add(Handle tx, PhoneNumber number, String reason, long coordinatorId) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "required");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "at most " + MAX_REASON + " characters");
        }
        Instant now = clock.instant();
        index.reindex(tx, "sms_blocklist", "phone_index", number);
        long id = tx.attach(BlocklistDao.class).insert(cipher.sealPhone(number), index.of(number), why, coordinatorId, now)
                .orElseThrow(() -> new ConflictException("phone", "this number is on the blocklist already"));
        return new Entry(id, number, why, coordinatorId, now);
    }

    /** Unblocks; false when there is no such entry. */
    public boolean remove(Handle tx, long id) {
        return tx.attach(BlocklistDao.class).delete(id) > 0;
    }
}
