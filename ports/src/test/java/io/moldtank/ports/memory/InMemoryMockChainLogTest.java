package io.moldtank.ports.memory;

import io.moldtank.ports.contract.MockChainLogContract;
import io.moldtank.ports.out.chain.MockChainLog;

class InMemoryMockChainLogTest implements MockChainLogContract {
    @Override
    public MockChainLog newLog() {
        return new InMemoryMockChainLog();
    }

    @Override
    public MockChainLog sameStore(MockChainLog log) {
        return log;
    }
}
