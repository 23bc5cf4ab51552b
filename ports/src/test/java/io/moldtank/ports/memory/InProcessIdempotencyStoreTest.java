package io.moldtank.ports.memory;

import io.moldtank.ports.contract.IdempotencyStoreContract;
import io.moldtank.ports.contract.TestClock;
import io.moldtank.ports.out.guard.IdempotencyStore;

class InProcessIdempotencyStoreTest implements IdempotencyStoreContract {
    @Override
    public IdempotencyStore newStore(TestClock clock) {
        return new InProcessIdempotencyStore(clock);
    }
}
