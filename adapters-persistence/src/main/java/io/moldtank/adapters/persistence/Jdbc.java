package io.moldtank.adapters.persistence;

import io.moldtank.ports.out.queue.QueueUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;

/** Small JDBC helpers: parameters, instants, and transactions that roll back on any failure. */
final class Jdbc {

    private Jdbc() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in autocommit mode. */
    static <T> T autocommit(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    /** Runs {@code work} in one transaction; commits when it returns, rolls back when it throws. */
    static <T> T transaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                try {
                    c.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // a broken connection; the pool discards it
                }
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    static QueueUnavailableException unavailable(String what, SQLException e) {
        return new QueueUnavailableException(what + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Instants are kept to the microsecond, which both PostgreSQL and H2 store exactly. */
    static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static PreparedStatement bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Instant t ? OffsetDateTime.ofInstant(micros(t), ZoneOffset.UTC) : values[i];
            statement.setObject(i + 1, value);
        }
        return statement;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
