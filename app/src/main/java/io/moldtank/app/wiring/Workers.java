package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.moldtank.ports.service.Core;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code workers} role's queue consumers: validation workers draining the submission queue and the
 * payout worker draining the outbox (the webhook deliveries are {@link Webhooks}'). Any number of worker
 * nodes may run them side by side: the queue leases each submission to one worker, and a payout is sent
 * at most once because every try asks the chain first. A failing pass is logged and retried; closing
 * stops them all. Periodic sweeps are the {@link Scheduler}'s.
 */
final class Workers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    static Workers start(Core core, Config config, boolean noValidators, MarketMetrics metrics) {
        Workers w = new Workers();
        int validators = config.get("validation").asInt().orElse(2);
        if (noValidators) {
            LOG.atWarn().addKeyValue("event", "no-validators")
                    .log("no validators configured: bounties cannot be posted and nothing is validated");
        } else {
            for (int i = 1; i <= validators; i++) {
                String name = "validator-" + i;
                w.loop(name, Duration.ofMillis(200), () -> {
                    long start = System.nanoTime();
                    boolean worked = core.validating().validateNext(name).isPresent();
                    if (worked) {
                        metrics.qaRound(Duration.ofNanos(System.nanoTime() - start));
                    }
                    return worked;
                });
            }
        }
        Duration payoutPause = config.get("payout-interval").as(Duration.class).orElse(Duration.ofMillis(500));
        w.loop("payouts", payoutPause, () -> core.payingOut().processDue(50) > 0);
        return w;
    }

    /** Runs {@code pass} again at once while it finds work, else after {@code idle}. */
    private void loop(String name, Duration idle, java.util.function.BooleanSupplier pass) {
        Thread t = Thread.ofPlatform().daemon().name("moldtank-" + name).start(() -> {
            while (running) {
                boolean worked;
                try {
                    worked = pass.getAsBoolean();
                } catch (RuntimeException e) {
                    LOG.atError().addKeyValue("worker", name).setCause(e).log("worker pass failed");
                    worked = false;
                }
                if (!worked && !pause(idle)) {
                    return;
                }
            }
        });
        threads.add(t);
    }

    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(5_000);
        }
    }
}
