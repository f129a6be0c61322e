package dk.hotline.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location in JDBC form. Accepts Heroku-style {@code postgres://user:pass@host:port/db}
 * and plain {@code jdbc:postgresql:} URLs. {@code toString} leaves the password out.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public static DatabaseUrl parse(String raw) {
        if (raw.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(raw, null, null);
        }
        if (!raw.startsWith("postgres://") && !raw.startsWith("postgresql://")) {
            throw new IllegalArgumentException("DATABASE_URL: must start with postgres://, postgresql:// or jdbc:postgresql:");
        }
        try {
            URI uri = new URI(raw);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new IllegalArgumentException("DATABASE_URL: needs a host and a database name (postgres://user:pass@host:5432/db)");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query, user, password);
        } catch (URISyntaxException e) {
            // The input may hold a password: say where it is wrong, not what it is.
            throw new IllegalArgumentException("DATABASE_URL: not a valid URL (at index " + e.getIndex() + ")");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The same server, another database on it (used to create and drop databases). */
    public DatabaseUrl withDatabase(String name) {
        String base = jdbcUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new DatabaseUrl(base, user, password);
    }

    @Override
    public String toString() {
        return jdbcUrl.replaceAll("password=[^&]*", "password=•••") + (user == null ? "" : " as " + user);
    }
}
