package io.moldtank.ports.contract;

import java.lang.reflect.Constructor;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/**
 * jqwik counts a skipped try as a rejection and fails a property whose tries were all rejected.
 * This hook asks the implementing test class for one adapter before the property runs and skips
 * the whole property when that adapter's server is missing (outside CI; in CI the property runs
 * and fails with the server's message, see {@code RequiredServer}).
 */
public final class SkipWhenServerMissing implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        Class<?> container = context.optionalContainerClass().orElse(null);
        if (container == null) {
            return SkipResult.doNotSkip();
        }
        try {
            Constructor<?> constructor = container.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            if (instance instanceof SubmissionQueueContract queues) {
                queues.newQueue(new TestClock(), 1);
            }
            if (instance instanceof RateLimiterContract limiters) {
                limiters.newLimiter(new TestClock());
            }
            if (instance instanceof NonceStoreContract nonces) {
                nonces.newStore(new TestClock());
            }
            return SkipResult.doNotSkip();
        } catch (TestAbortedException e) {
            return SkipResult.skip(e.getMessage());
        } catch (ReflectiveOperationException | RuntimeException | AssertionError e) {
            return SkipResult.doNotSkip();
        }
    }
}
