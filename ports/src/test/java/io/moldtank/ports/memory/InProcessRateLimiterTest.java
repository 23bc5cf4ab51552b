package io.moldtank.ports.memory;

import io.moldtank.ports.contract.RateLimiterContract;
import io.moldtank.ports.out.guard.RateLimiter;
import java.time.Clock;

class InProcessRateLimiterTest implements RateLimiterContract {
    @Override
    public RateLimiter newLimiter(Clock clock) {
        return new InProcessRateLimiter(clock);
    }
}
