package dk.hotline.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.PGConnection;

/**
 * Plain JDBC on a JDBI handle's connection, for the statements of the webhook hot path. The
 * profile of the webhook benchmark had JDBI's per-statement set-up (attaching a SQL object builds
 * a handler for every one of its methods; each statement copies configuration and looks up
 * argument factories and mappers) costing more CPU than the statements themselves. The driver
 * keeps each SQL text prepared on the server, per connection, from its fifth use on, so the
 * statements here are parsed and planned once. Everything off the hot path keeps JDBI.
 *
 * <p>Parameters are positional ({@code ?}): String, Integer, Long, Boolean, UUID, Instant (as
 * timestamptz), byte[] (bytea), long[] (bigint[]), String[] (text[]), byte[][] (bytea[]) and null.
 * A failure is JDBI's {@link UnableToExecuteStatementException}, so outage handling treats both
 * alike; its message names the statement, never the values.
 */
public final class Jdbc {
    private Jdbc() {}

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** An INSERT, UPDATE or DELETE: the number of rows it changed. */
    public static int update(Handle handle, String sql, Object... params) {
        try (PreparedStatement statement = prepare(handle.getConnection(), sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** The first row of a query, or empty. */
    public static <T> Optional<T> first(Handle handle, String sql, Row<T> row, Object... params) {
        try (PreparedStatement statement = prepare(handle.getConnection(), sql, params);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** Every row of a query, in its order. */
    public static <T> List<T> list(Handle handle, String sql, Row<T> row, Object... params) {
        try (PreparedStatement statement = prepare(handle.getConnection(), sql, params);
             ResultSet rs = statement.executeQuery()) {
            var out = new ArrayList<T>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** A timestamptz column as an Instant, null when the column is. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A bigint column that may be null. */
    public static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(connection, statement, i + 1, params[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int position, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.NULL);
        } else if (value instanceof String s) {
            statement.setString(position, s);
        } else if (value instanceof Long l) {
            statement.setLong(position, l);
        } else if (value instanceof Integer i) {
            statement.setInt(position, i);
        } else if (value instanceof Boolean b) {
            statement.setBoolean(position, b);
        } else if (value instanceof java.util.UUID uuid) {
            statement.setObject(position, uuid);
        } else if (value instanceof Instant instant) {
            statement.setObject(position, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(position, bytes);
        } else if (value instanceof long[] longs) {
            // The driver's own overload takes the primitive array as it is: no boxing, sent binary.
            statement.setArray(position, connection.unwrap(PGConnection.class).createArrayOf("int8", longs));
        } else if (value instanceof String[] strings) {
            statement.setArray(position, connection.createArrayOf("text", strings));
        } else if (value instanceof byte[][] bytesArray) {
            statement.setArray(position, connection.createArrayOf("bytea", bytesArray));
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
        }
    }

    private static UnableToExecuteStatementException failed(String sql, SQLException e) {
        // The statement's first line names it; its values may be sealed personal data, never shown.
        String first = sql.strip().lines().findFirst().orElse("");
        return new UnableToExecuteStatementException("statement failed: " + first, e, null);
    }
}
