package io.moldtank.ports.service;

import io.moldtank.ports.contract.JobCheckFlowContract;
import io.moldtank.ports.memory.InMemoryPendingJobChecks;
import io.moldtank.ports.memory.InMemoryStorage;

/** Sandbox-checked jobs over the in-memory storage. */
class JobCheckFlowTest implements JobCheckFlowContract {
    @Override
    public Stores jobCheckFlowStores() {
        InMemoryStorage s = new InMemoryStorage();
        return new Stores(Storage.of(s), RegistryStorage.of(s), new InMemoryPendingJobChecks(s));
    }
}
