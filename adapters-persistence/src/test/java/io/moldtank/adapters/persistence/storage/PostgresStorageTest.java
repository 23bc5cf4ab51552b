package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract and the SQL checks on the machine's PostgreSQL (MOLDTANK_TEST_PG_URL,
 * MOLDTANK_TEST_PG_USER; default jdbc:postgresql://127.0.0.1:5432/test as postgres), in a schema of
 * its own that is dropped afterwards. Unreachable: skipped loudly, or failed when CI=true.
 */
class PostgresStorageTest implements StorageContract, SqlStorageChecks, SqlRegistryChecks, SqlEventFeedChecks,
        SqlRegistryFlowChecks, SqlReconciliationChecks, SqlDraftStoreChecks, SqlWebhookChecks,
        SqlAgentCardChecks, SqlMoltbookLinkChecks, SqlMockChainLogChecks, SqlJobCheckChecks {
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
