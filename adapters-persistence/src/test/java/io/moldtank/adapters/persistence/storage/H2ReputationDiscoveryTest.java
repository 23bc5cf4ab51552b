package io.moldtank.adapters.persistence.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Reputation's and discovery's contracts on an in-memory H2 database in PostgreSQL mode. */
class H2ReputationDiscoveryTest implements SqlReputationChecks, SqlSearchChecks {
    private static MigratedDatabase database;

    @BeforeAll
    static void open() {
        database = MigratedDatabase.h2InMemory();
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
