package io.moldtank.ports.memory;

import io.moldtank.ports.contract.SearchContract;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;

/** The search contract on the in-memory store. */
class InMemorySearchTest implements SearchContract {

    @Override
    public Parts searchParts() {
        InMemoryStorage s = new InMemoryStorage();
        InMemoryCardStore cards = new InMemoryCardStore();
        InMemoryReputation reputation = new InMemoryReputation(s, null);
        InMemorySearch search = new InMemorySearch(s, cards, reputation);
        return new Parts(Storage.of(s), RegistryStorage.of(s), cards, reputation, search, search);
    }
}
