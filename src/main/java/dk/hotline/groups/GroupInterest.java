package dk.hotline.groups;

import dk.hotline.common.Language;
import dk.hotline.privacy.BlindIndex;
import dk.hotline.privacy.PersonalDataCipher;
import dk.hotline.privacy.PhoneNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The support-group interest list: people who asked (GRUPPE, or the voice menu) to hear about a
 * group. One entry per number, found by blind index; the number is sealed for the invitation.
 * Coordinators read the list oldest first (a waiting list), invite from it and erase entries.
 */
public final class GroupInterest {
    static final Set<String> SOURCES = Set.of("sms", "voice");

    /** An entry, its number opened for the coordinators' API and for the invitation. */
    public record Entry(long id, PhoneNumber phone, Language language, String source, Instant createdAt,
                        Instant invitedAt, Long invitedGroupId) {}

    /** SQL for the interest list. */
    @RegisterConstructorMapper(Row.class)
    interface Dao {
        @SqlQuery("""
                INSERT INTO group_interest (phone_sealed, phone_index, language, source, created_at)
                VALUES (:sealed, :index, :language, :source, :now)
                ON CONFLICT (phone_index) DO NOTHING RETURNING id""")
        Optional<Long> insert(@Bind("sealed") byte[] phoneSealed, @Bind("index") byte[] phoneIndex,
                              @Bind("language") String language, @Bind("source") String source, @Bind("now") Instant now);

        @SqlQuery("""
                SELECT id, phone_sealed, language, source, created_at, invited_at, invited_group_id
                FROM group_interest ORDER BY created_at, id""")
        List<Row> all();

        /** Locked: two coordinators inviting one person at once are served one after the other. */
        @SqlQuery("""
                SELECT id, phone_sealed, language, source, created_at, invited_at, invited_group_id
                FROM group_interest WHERE id = :id FOR UPDATE""")
        Optional<Row> byIdForUpdate(@Bind("id") long id);

        @SqlUpdate("UPDATE group_interest SET invited_at = :at, invited_group_id = :group WHERE id = :id")
        int invited(@Bind("id") long id, @Bind("group") long groupId, @Bind("at") Instant at);

        @SqlUpdate("DELETE FROM group_interest WHERE id = :id")
        int delete(@Bind("id") long id);
    }

    /** A stored entry as read, number still sealed. */
    record Row(long id, byte[] phoneSealed, String language, String source, Instant createdAt,
                      Instant invitedAt, Long invitedGroupId) {}

    private final PersonalDataCipher cipher;
    private final BlindIndex index;
    private final Clock clock;

    public GroupInterest(PersonalDataCipher cipher, BlindIndex index, Clock clock) {
        this.cipher = cipher;
        this.index = index;
        this.clock = clock;
    }

    /** Puts the number on the list; true if it was not on it already. */
    public boolean add(Handle tx, PhoneNumber number, Language language, String source) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("source must be one of " + SOURCES);
        }
        index.reindex(tx, "group_interest", "phone_index", number);
        return tx.attach(Dao.class).insert(cipher.sealPhone(number), index.of(number), language.code(), source, clock.instant())
                .isPresent();
    }

    /** The whole list, oldest first: who has waited longest comes first. */
    public List<Entry> list(Handle tx) {
        return tx.attach(Dao.class).all().stream().map(this::open).toList();
    }

    /** One entry, locked until the transaction ends. */
    public Optional<Entry> lock(Handle tx, long id) {
        return tx.attach(Dao.class).byIdForUpdate(id).map(this::open);
    }

    /** Records the latest invitation; the entry stays on the list until erased or purged. */
    public void markInvited(Handle tx, long id, long groupId, Instant at) {
        tx.attach(Dao.class).invited(id, groupId, at);
    }

    /** Deletes the entry, number and all; false when there is no such entry. */
    public boolean erase(Handle tx, long id) {
        return tx.attach(Dao.class).delete(id) > 0;
    }

    private Entry open(Row r) {
        return new Entry(r.id(), cipher.openPhone(r.phoneSealed()), Language.of(r.language()), r.source(), r.createdAt(), r.invitedAt(),
                r.invitedGroupId());
    }
}
