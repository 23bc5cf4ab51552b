package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.SearchContract;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;

/** The search contract on a migrated SQL database. */
interface SqlSearchChecks extends SearchContract {

    MigratedDatabase database();

    @Override
    default Parts searchParts() {
        database().wipe();
        SqlStorage s = SqlStorage.on(database().dataSource());
        SqlSearch search = s.search();
        return new Parts(Storage.of(s), RegistryStorage.of(s), s.agentCards(), s.reputation(), search, search);
    }
}
