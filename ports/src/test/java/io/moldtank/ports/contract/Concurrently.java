package io.moldtank.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Races for the contract tests: n tasks started together on n threads. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs {@code task(0..n-1)} on n threads released together; returns their results in index order. */
    public static <T> List<T> run(int n, ThrowingTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger ready = new AtomicInteger();
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.incrementAndGet();
                    assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = Collections.synchronizedList(new ArrayList<>());
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    public interface ThrowingTask<T> {
        T run(int index) throws Exception;
    }
}
