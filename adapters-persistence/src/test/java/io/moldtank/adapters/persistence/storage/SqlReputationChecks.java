package io.moldtank.adapters.persistence.storage;

import io.moldtank.ports.contract.ReputationContract;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;

/** The reputation contract on a migrated SQL database. */
interface SqlReputationChecks extends ReputationContract {

    MigratedDatabase database();

    @Override
    default Parts parts() {
        database().wipe();
        SqlStorage s = SqlStorage.on(database().dataSource());
        SqlReputation reputation = s.reputation();
        return new Parts(Storage.of(s), RegistryStorage.of(s), reputation, reputation, s.moltbookLinks());
    }
}
