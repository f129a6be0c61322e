package dk.hotline.db;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/**
 * Whether a database error means the database cannot be used right now (down, restarting, refusing
 * connections, or a pooled connection it cut), rather than a fault of the statement. The web tier
 * answers such an error 503; the text webhook spools the text instead of losing it.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {}

    public static boolean is(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof ConnectionException || e instanceof SQLTransientConnectionException
                    || e instanceof SQLRecoverableException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-03: the server is shutting down or starting.
            if (e instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
