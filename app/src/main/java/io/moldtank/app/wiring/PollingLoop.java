package io.moldtank.app.wiring;

import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs {@code pass} again at once while it finds work (a positive count), and sleeps
 * {@code idle} when it found none or failed (the failure is logged, the loop goes on).
 */
final class PollingLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PollingLoop.class);
    private final String worker;
    private final IntSupplier pass;
    private final Duration idle;
    private final Thread thread;
    private volatile boolean running = true;

    PollingLoop(String worker, IntSupplier pass, Duration idle) {
        this.worker = worker;
        this.pass = pass;
        this.idle = idle;
        this.thread = Thread.ofPlatform().daemon().name("moldtank-" + worker).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            int found;
            try {
                found = pass.getAsInt();
            } catch (RuntimeException e) {
                LOG.atError().addKeyValue("worker", worker).setCause(e).log(worker + " pass failed");
                found = 0;
            }
            if (found == 0) {
                try {
                    Thread.sleep(idle);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
