package io.moldtank.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs shutdown steps in order, each on its own daemon thread, all together bounded by one
 * deadline. A step that fails is logged and the next one still runs; a step that overruns the
 * deadline is abandoned (its thread is a daemon, so it cannot keep the JVM alive).
 */
final class GracefulShutdown {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

    /** One named thing to stop or close. */
    record Step(String name, AutoCloseable action) {
    }

    /** What happened: the names of steps that failed and that did not finish in time. */
    record Outcome(List<String> closed, List<String> failed, List<String> timedOut, Duration took) {
        boolean clean() {
            return failed.isEmpty() && timedOut.isEmpty();
        }
    }

    private GracefulShutdown() {
    }

    static Outcome run(List<Step> steps, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<String> closed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> timedOut = new ArrayList<>();
        for (Step step : steps) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                timedOut.add(step.name());
                continue;
            }
            CompletableFuture<Void> running = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    step.action().close();
                    running.complete(null);
                } catch (Throwable t) {
                    running.completeExceptionally(t);
                }
            }, "moldtank-shutdown-" + step.name());
            thread.setDaemon(true);
            thread.start();
            try {
                running.get(left, TimeUnit.NANOSECONDS);
                closed.add(step.name());
            } catch (TimeoutException e) {
                timedOut.add(step.name());
                LOG.atWarn().addKeyValue("step", step.name()).log("shutdown step did not finish in time");
            } catch (ExecutionException e) {
                failed.add(step.name());
                LOG.atWarn().addKeyValue("step", step.name()).setCause(e.getCause()).log("shutdown step failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                timedOut.add(step.name());
            }
        }
        return new Outcome(List.copyOf(closed), List.copyOf(failed), List.copyOf(timedOut),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
