package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.DraftStoreContract;
import io.moldtank.ports.out.storage.DraftStore;

/** The draft store contract on a migrated SQL database, wiped before each test. */
interface SqlDraftStoreChecks extends DraftStoreContract {

    MigratedDatabase database();

    @Override
    default DraftStore drafts() {
        database().wipe();
        return SqlStorage.on(database().dataSource()).drafts();
    }
}
