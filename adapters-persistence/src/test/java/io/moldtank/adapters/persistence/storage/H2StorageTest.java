package io.moldtank.adapters.persistence.storage;

import static io.moldtank.ports.contract.StorageFixtures.T0;
import static io.moldtank.ports.contract.StorageFixtures.agent;
import static io.moldtank.ports.contract.StorageFixtures.openBounty;
import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.Bounty;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.contract.StorageContract;
import io.moldtank.ports.contract.StorageFixtures;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract and the SQL checks on an in-memory H2 database in PostgreSQL mode. */
class H2StorageTest implements StorageContract, SqlStorageChecks, SqlRegistryChecks, SqlEventFeedChecks,
        SqlRegistryFlowChecks, SqlReconciliationChecks, SqlDraftStoreChecks, SqlWebhookChecks,
        SqlAgentCardChecks, SqlMoltbookLinkChecks, SqlMockChainLogChecks, SqlJobCheckChecks {
    private static MigratedDatabase database;

    @BeforeAll
    static void open() {
        database = MigratedDatabase.h2InMemory();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    public MigratedDatabase database() {
        return database;
    }

    @Test
    void an_h2_file_database_keeps_its_data_across_close_and_reopen(@TempDir Path dir) {
        Path file = dir.resolve("moldtank");
        Bounty b;
        Agent poster = agent(1);
        try (MigratedDatabase first = MigratedDatabase.h2File(file)) {
            SqlStorage s = SqlStorage.on(first.dataSource());
            s.saveAgent(poster);
            b = openBounty(poster.id(), 42, T0, "kept");
            b.submit(new SubmissionId(UUID.randomUUID()), agent(2).id(), StorageFixtures.content("x").hash(), T0);
            s.saveBounty(b);
        }
        try (MigratedDatabase reopened = MigratedDatabase.h2File(file)) {
            SqlStorage s = SqlStorage.on(reopened.dataSource());
            assertThat(s.loadBounty(b.id()).orElseThrow().snapshot()).isEqualTo(b.snapshot().withVersion(1));
            assertThat(s.agentByWallet(poster.wallet())).isPresent();
        }
    }
}
