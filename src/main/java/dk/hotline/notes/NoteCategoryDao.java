package dk.hotline.notes;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The categories coordinators define, in their order. */
@RegisterConstructorMapper(NoteCategory.class)
interface NoteCategoryDao {
    @SqlQuery("SELECT id, name_da, name_en, active, position FROM note_categories ORDER BY position, id")
    List<NoteCategory> all();

    @SqlQuery("SELECT id, name_da, name_en, active, position FROM note_categories WHERE id = :id")
    Optional<NoteCategory> byId(@Bind("id") long id);

    /** Serialises changes to the order: two coordinators moving categories at once would otherwise mix positions. */
    @SqlQuery("SELECT pg_advisory_xact_lock(hashtext('note_categories'))::text")
    String lockOrder();

    @SqlQuery("""
            INSERT INTO note_categories (name_da, name_en, position)
            VALUES (:da, :en, (SELECT coalesce(max(position), 0) + 1 FROM note_categories)) RETURNING id""")
    long insert(@Bind("da") String nameDa, @Bind("en") String nameEn);

    @SqlUpdate("UPDATE note_categories SET name_da = :da, name_en = :en, active = :active WHERE id = :id")
    int update(@Bind("id") long id, @Bind("da") String nameDa, @Bind("en") String nameEn, @Bind("active") boolean active);

    @SqlUpdate("UPDATE note_categories SET position = :position WHERE id = :id")
    int position(@Bind("id") long id, @Bind("position") int position);
}
