package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.MockChainLogContract;
import io.moldtank.ports.out.chain.MockChainLog;

/** The mock chain log contract on a migrated SQL database, wiped before each test; another node is another storage. */
interface SqlMockChainLogChecks extends MockChainLogContract {

    MigratedDatabase database();

    @Override
    default MockChainLog newLog() {
        database().wipe();
        return SqlStorage.on(database().dataSource()).mockChainLog();
    }

    @Override
    default MockChainLog sameStore(MockChainLog log) {
        return SqlStorage.on(database().dataSource()).mockChainLog();
    }
}
