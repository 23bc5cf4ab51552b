package io.moldtank.ports.memory;

import io.moldtank.ports.contract.StorageContract;
import io.moldtank.ports.service.Storage;

class InMemoryStorageTest implements StorageContract {
    @Override
    public Storage storage() {
        return Storage.of(new InMemoryStorage());
    }
}
