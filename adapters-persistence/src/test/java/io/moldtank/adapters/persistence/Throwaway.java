package io.moldtank.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** What the throw-away servers and the restart tests share: ports, directories and waiting. */
final class Throwaway {

    private Throwaway() {
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a directory tree, saying so when it cannot (a leftover temp dir must not fail a test). */
    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    static void awaitUntil(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition reached within %s", timeout).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Calls until the queue answers, counting each QueueUnavailableException (a restart's outage) in {@code failures}. */
    static <T> T retrying(java.util.concurrent.atomic.AtomicInteger failures, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (io.moldtank.ports.out.queue.QueueUnavailableException e) {
                failures.incrementAndGet();
                if (attempt == 200) {
                    throw e;
                }
                pause(100);
            }
        }
    }
}
