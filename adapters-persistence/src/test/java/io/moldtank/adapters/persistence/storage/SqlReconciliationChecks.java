package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.ReconciliationContract;
import io.moldtank.ports.service.Storage;

/** The reconciliation contract on a migrated SQL database, wiped before each test. */
interface SqlReconciliationChecks extends ReconciliationContract {

    MigratedDatabase database();

    @Override
    default Subject subject() {
        database().wipe();
        SqlStorage storage = SqlStorage.on(database().dataSource());
        SqlReconciliation r = storage.reconciliation();
        return new Subject(Storage.of(storage), r, r, r);
    }
}
