package io.moldtank.ports.memory;

import io.moldtank.ports.contract.RegistryStorageContract;
import io.moldtank.ports.service.RegistryStorage;

class InMemoryRegistryStorageTest implements RegistryStorageContract {
    @Override
    public RegistryStorage registry() {
        return RegistryStorage.of(new InMemoryStorage());
    }
}
