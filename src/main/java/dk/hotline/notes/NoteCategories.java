package dk.hotline.notes;

import dk.hotline.common.InvalidInputException;
import dk.hotline.common.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The categories a note can have, which coordinators add, rename, reorder and switch off. A
 * category is never deleted: notes that have it keep it, and it keeps counting in them.
 */
public final class NoteCategories {
    static final int MAX_NAME = 80;

    private final Jdbi jdbi;

    NoteCategories(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A change to a category; a null leaves that part as it is. {@code position} moves it there (1 is first). */
    public record Change(String nameDa, String nameEn, Boolean active, Integer position) {}

    /** Every category in its order, inactive ones too. */
    public List<NoteCategory> all() {
        return jdbi.withExtension(NoteCategoryDao.class, NoteCategoryDao::all);
    }

    public NoteCategory byId(long id) {
        return jdbi.withExtension(NoteCategoryDao.class, dao -> dao.byId(id)).orElseThrow(NoteCategories::notFound);
    }

    /** A new active category, last in the order. */
    public NoteCategory add(String nameDa, String nameEn) {
        String da = name("nameDa", nameDa);
        String en = name("nameEn", nameEn);
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(NoteCategoryDao.class);
            dao.lockOrder();
            return dao.byId(dao.insert(da, en)).orElseThrow();
        });
    }

    public NoteCategory change(long id, Change change) {
        String da = change.nameDa() == null ? null : name("nameDa", change.nameDa());
        String en = change.nameEn() == null ? null : name("nameEn", change.nameEn());
        return jdbi.inTransaction(tx -> {
            var dao = tx.attach(NoteCategoryDao.class);
            dao.lockOrder();
            var category = dao.byId(id).orElseThrow(NoteCategories::notFound);
            dao.update(id, da == null ? category.nameDa() : da, en == null ? category.nameEn() : en,
                    change.active() == null ? category.active() : change.active());
            if (change.position() != null) {
                var order = new ArrayList<>(dao.all().stream().map(NoteCategory::id).toList());
                if (change.position() < 1 || change.position() > order.size()) {
                    throw new InvalidInputException("position", "from 1 to " + order.size());
                }
                order.remove(Long.valueOf(id));
                order.add(change.position() - 1, id);
                for (int i = 0; i < order.size(); i++) {
                    dao.position(order.get(i), i + 1);
                }
            }
            return dao.byId(id).orElseThrow();
        });
    }

    private static String name(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        if (name.strip().length() > MAX_NAME) {
            throw new InvalidInputException(field, "at most " + MAX_NAME + " characters");
        }
        return name.strip();
    }

    static NotFoundException notFound() {
        return new NotFoundException("no such note category");
    }
}
