package io.moldtank.ports.memory;

import io.moldtank.ports.contract.JobCheckStorageContract;
import io.moldtank.ports.service.RegistryStorage;

class InMemoryJobCheckStorageTest implements JobCheckStorageContract {
    @Override
    public JobCheckStores jobCheckStores() {
        InMemoryStorage storage = new InMemoryStorage();
        return new JobCheckStores(RegistryStorage.of(storage), new InMemoryPendingJobChecks(storage));
    }
}
