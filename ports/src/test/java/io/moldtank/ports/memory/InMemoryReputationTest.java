package io.moldtank.ports.memory;

import io.moldtank.ports.contract.ReputationContract;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;

/** The reputation contract on the in-memory store. */
class InMemoryReputationTest implements ReputationContract {

    @Override
    public Parts parts() {
        InMemoryStorage s = new InMemoryStorage();
        InMemoryMoltbookLinks links = new InMemoryMoltbookLinks();
        InMemoryReputation reputation = new InMemoryReputation(s, links);
        return new Parts(Storage.of(s), RegistryStorage.of(s), reputation, reputation, links);
    }
}
