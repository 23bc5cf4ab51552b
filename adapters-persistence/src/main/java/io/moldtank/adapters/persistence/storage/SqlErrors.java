package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.out.storage.StaleWrite;
import io.moldtank.ports.out.storage.UnstorableValue;
import java.sql.SQLException;

/** SQL failures as the storage SPI speaks of them. Codes are SQLSTATEs, the same on PostgreSQL and H2. */
final class SqlErrors {
    private SqlErrors() {
    }

    static RuntimeException translate(String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            // unique violation; serialization failure and deadlock: someone else wrote first, retry
            case "23505", "40001", "40P01" -> new StaleWrite(operation + " (" + e.getMessage() + ")");
            // check violation, and every data exception (value too long, invalid text, out of range)
            case "23514" -> new UnstorableValue(operation, e.getMessage());
            default -> state.startsWith("22") ? new UnstorableValue(operation, e.getMessage())
                    : new SqlStorageFailure(operation, e);
        };
    }
}
