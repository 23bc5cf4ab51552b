package io.moldtank.ports.memory;

import io.moldtank.ports.contract.EventFeedContract;

class InMemoryEventFeedTest implements EventFeedContract {
    @Override
    public FeedSystem feedSystem() {
        InMemoryStorage storage = new InMemoryStorage();
        return new FeedSystem(storage, storage, new InMemoryEventFeed(storage));
    }
}
