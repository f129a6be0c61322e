package dk.hotline.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * One string that changes when any row the service can write changes: a digest of every table
 * but Quartz's own and Flyway's, to tell that a refused request wrote nothing. The outbox is
 * counted rather than read, since its dispatcher updates rows in the background.
 */
public final class TableDigest {
    private static final Set<String> COUNTED = Set.of("outbox");

    private final Jdbi jdbi;
    private final String query;

    private TableDigest(Jdbi jdbi, String query) {
        this.jdbi = jdbi;
        this.query = query;
    }

    public static TableDigest of(Jdbi jdbi) {
        List<String> tables = jdbi.withHandle(h -> h.createQuery("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                  AND lower(table_name) NOT LIKE 'qrtz%' AND table_name <> 'flyway_schema_history'
                ORDER BY table_name""").mapTo(String.class).list());
        String query = tables.stream()
                .map(t -> COUNTED.contains(t)
                        ? "SELECT '" + t + "' AS t, count(*)::text AS d FROM " + t
                        : "SELECT '" + t + "' AS t, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '-') AS d FROM "
                                + t + " x")
                .collect(Collectors.joining(" UNION ALL ", "SELECT string_agg(t || '=' || d, ' ' ORDER BY t) FROM (", ") all_tables"));
        return new TableDigest(jdbi, query);
    }

    /** The digest now. */
    public String now() {
        return jdbi.withHandle(h -> h.createQuery(query).mapTo(String.class).one());
    }
}
