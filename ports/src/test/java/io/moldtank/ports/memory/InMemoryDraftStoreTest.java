package io.moldtank.ports.memory;

import io.moldtank.ports.contract.DraftStoreContract;
import io.moldtank.ports.out.storage.DraftStore;

class InMemoryDraftStoreTest implements DraftStoreContract {
    @Override
    public DraftStore drafts() {
        return new InMemoryDraftStore();
    }
}
