package io.moldtank.ports.memory;

import io.moldtank.ports.contract.ReconciliationContract;
import io.moldtank.ports.service.Storage;

class InMemoryReconciliationTest implements ReconciliationContract {
    @Override
    public Subject subject() {
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryReconciliation r = new InMemoryReconciliation(storage);
        return new Subject(Storage.of(storage), r, r, r);
    }
}
