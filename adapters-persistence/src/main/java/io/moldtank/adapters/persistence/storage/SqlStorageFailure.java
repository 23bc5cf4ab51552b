package io.moldtank.adapters.persistence.storage;

import java.sql.SQLException;

/** The database could not do what was asked (unreachable, a missing parent row, a bug): names the operation. */
final class SqlStorageFailure extends RuntimeException {
    SqlStorageFailure(String operation, SQLException cause) {
        super("storage failed to " + operation + ": [SQLSTATE " + cause.getSQLState() + "] " + cause.getMessage(),
                cause);
    }
}
