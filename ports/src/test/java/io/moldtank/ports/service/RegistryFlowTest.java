package io.moldtank.ports.service;

import io.moldtank.ports.contract.RegistryFlowContract;
import io.moldtank.ports.memory.InMemoryStorage;

/** The registry flows over the in-memory storage. */
class RegistryFlowTest implements RegistryFlowContract {

    static Stores inMemory() {
        InMemoryStorage s = new InMemoryStorage();
        return new Stores(Storage.of(s), RegistryStorage.of(s));
    }

    @Override
    public Stores stores() {
        return inMemory();
    }
}
