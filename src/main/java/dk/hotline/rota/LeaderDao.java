package dk.hotline.rota;

import dk.hotline.privacy.BlindIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The leaders table. Rows come back sealed; {@link Leaders} opens them. */
@RegisterConstructorMapper(LeaderDao.Row.class)
interface LeaderDao {
    record Row(long id, String name, byte[] phoneSealed, List<String> languages, boolean active, boolean available) {}

    @SqlQuery("""
            INSERT INTO leaders (name, phone_sealed, phone_index, languages, active, available, created_at, updated_at)
            VALUES (:name, :sealed, :index, :languages, :active, :available, :now, :now)
            RETURNING id""")
    long insert(@Bind("name") String name, @Bind("sealed") byte[] sealed, @Bind("index") byte[] index,
                @Bind("languages") String[] languages, @Bind("active") boolean active,
                @Bind("available") boolean available, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, name, phone_sealed, languages, active, available FROM leaders
            WHERE deleted_at IS NULL ORDER BY name, id""")
    List<Row> all();

    @SqlQuery("""
            SELECT id, name, phone_sealed, languages, active, available FROM leaders
            WHERE id = :id AND deleted_at IS NULL""")
    Optional<Row> byId(@Bind("id") long id);

    /** The leader whose registered phone this is (by blind index), if any. */
    @SqlQuery("""
            SELECT id, name, phone_sealed, languages, active, available FROM leaders
            WHERE phone_index = ANY(:indexes) AND deleted_at IS NULL""")
    Optional<Row> byPhoneIndex(@Bind("indexes") BlindIndex.Candidates indexes);

    @SqlUpdate("UPDATE leaders SET available = :available, updated_at = :now WHERE id = :id AND deleted_at IS NULL")
    int setAvailable(@Bind("id") long id, @Bind("available") boolean available, @Bind("now") Instant now);

    /** Of these leaders, those who take calls now: active, marked available, not deleted. */
    @SqlQuery("""
            SELECT id, name, phone_sealed, languages, active, available FROM leaders
            WHERE id = ANY(:ids) AND active AND available AND deleted_at IS NULL""")
    List<Row> availableAmong(@Bind("ids") long[] ids);

    @SqlUpdate("""
            UPDATE leaders SET name = :name, phone_sealed = :sealed, phone_index = :index, languages = :languages,
                               active = :active, available = :available, updated_at = :now
            WHERE id = :id AND deleted_at IS NULL""")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("sealed") byte[] sealed, @Bind("index") byte[] index,
               @Bind("languages") String[] languages, @Bind("active") boolean active,
               @Bind("available") boolean available, @Bind("now") Instant now);

    /** Erases the number with the leader: nothing personal stays behind a deleted row. */
    @SqlUpdate("""
            UPDATE leaders SET deleted_at = :now, updated_at = :now, phone_sealed = NULL, phone_index = NULL,
                               active = FALSE, available = FALSE
            WHERE id = :id AND deleted_at IS NULL""")
    int delete(@Bind("id") long id, @Bind("now") Instant now);

    /** The leader's row, held until the transaction ends; none if there is no such leader. */
    @SqlQuery("SELECT id FROM leaders WHERE id = :id AND deleted_at IS NULL FOR NO KEY UPDATE")
    Optional<Long> lock(@Bind("id") long id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM shifts WHERE leader_id = :id AND starts_at <= :at AND ends_at > :at)")
    boolean onCallAt(@Bind("id") long id, @Bind("at") java.time.Instant at);

    /** Shifts of the leader that start after {@code at}. */
    @SqlQuery("SELECT count(*) FROM shifts WHERE leader_id = :id AND starts_at > :at")
    int shiftsAfter(@Bind("id") long id, @Bind("at") java.time.Instant at);
}
