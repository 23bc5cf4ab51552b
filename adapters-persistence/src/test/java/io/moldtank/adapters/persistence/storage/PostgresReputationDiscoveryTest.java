package io.moldtank.adapters.persistence.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Reputation's and discovery's contracts on the machine's PostgreSQL, in a schema of its own dropped afterwards
 * (unreachable: skipped loudly, failed when CI=true).
 */
class PostgresReputationDiscoveryTest implements SqlReputationChecks, SqlSearchChecks {
    private static MigratedDatabase database;

    @BeforeAll
    static void open() {
        database = MigratedDatabase.postgres();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    public MigratedDatabase database() {
        return database;
    }
}
