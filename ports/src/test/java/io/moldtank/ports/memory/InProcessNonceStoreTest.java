package io.moldtank.ports.memory;

import io.moldtank.ports.contract.NonceStoreContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.guard.NonceStore;

class InProcessNonceStoreTest implements NonceStoreContract {
    @Override
    public NonceStore newStore(TestClock clock) {
        return new InProcessNonceStore(clock);
    }
}
