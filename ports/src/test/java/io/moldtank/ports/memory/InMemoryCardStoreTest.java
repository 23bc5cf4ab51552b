package io.moldtank.ports.memory;

import io.moldtank.ports.contract.CardStoreContract;
import io.moldtank.ports.out.a2a.CardStore;

class InMemoryCardStoreTest implements CardStoreContract {
    @Override
    public CardStore cardStore() {
        return new InMemoryCardStore();
    }
}
