package dk.hotline.sms;

import dk.hotline.privacy.BlindIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the SMS blocklist. A number is found by its blind index; it is sealed for showing. */
@RegisterConstructorMapper(BlocklistDao.Row.class)
interface BlocklistDao {
    record Row(long id, byte[] phoneSealed, String reason, Long createdBy, Instant createdAt) {}

    /** The new entry's id, or nothing when the number is on the list already. */
    @SqlQuery("""
            INSERT INTO sms_blocklist (phone_sealed, phone_index, reason, created_by, created_at)
            VALUES (:sealed, :index, :reason, :by, :now)
            ON CONFLICT (phone_index) DO NOTHING RETURNING id""")
    Optional<Long> insert(@Bind("sealed") byte[] phoneSealed, @Bind("index") byte[] phoneIndex,
                          @Bind("reason") String reason, @Bind("by") long createdBy, @Bind("now") Instant now);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM sms_blocklist WHERE phone_index = ANY(:indexes))")
    boolean contains(@Bind("indexes") BlindIndex.Candidates phoneIndexes);

    @SqlQuery("SELECT id, phone_sealed, reason, created_by, created_at FROM sms_blocklist ORDER BY id")
    List<Row> all();

    @SqlUpdate("DELETE FROM sms_blocklist WHERE id = :id")
    int delete(@Bind("id") long id);
}
