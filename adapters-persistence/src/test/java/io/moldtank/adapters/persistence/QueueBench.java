package io.moldtank.adapters.persistence;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark of our queues (run by bench/queue/run.sh, not a test). Per worker count W it measures
 * (1) throughput: N no-op items enqueued by W producers, then drained by W workers (a first claim,
 * then one ack-and-claim hand-off per item, as a busy worker does); (2) claim latency p50/p99 of the
 * drain's calls that handed out an item (claim or hand-off); (3) pickup latency p50/p99: a producer on a
 * separate store enqueues at a steady rate while W workers wait in claim-with-wait, so wake-ups
 * travel through PostgreSQL NOTIFY / Redis pub/sub as they would between processes.
 * Prints one JSON line per run.
 *
 * <p>Arguments: {@code pg <jdbcUrl> <user> | redis <uri>}, then {@code <jobs> <rate/s> <workers...>}.
 */
public final class QueueBench {

    private static final int BOUNTIES = 100;

    private QueueBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean pg = args[0].equals("pg");
        int at = pg ? 3 : 2;
        int jobs = Integer.parseInt(args[at]);
        int rate = Integer.parseInt(args[at + 1]);
        // Unmeasured warm-up rounds first (WARMUP, default 2), as the peers do: steady state, not JIT, is compared.
        int warmups = Integer.parseInt(System.getenv().getOrDefault("WARMUP", "2"));
        for (String w : Arrays.copyOfRange(args, at + 2, args.length)) {
            for (int round = 0; round <= warmups; round++) {
                once(args, pg, jobs, rate, Integer.parseInt(w), round == warmups);
            }
        }
        System.exit(0);
    }

    /** One round on fresh stores (a new schema or key prefix), dropped afterwards. */
    private static void once(String[] args, boolean pg, int jobs, int rate, int workers, boolean print) throws Exception {
        String name = "bench_ours_" + UUID.randomUUID().toString().substring(0, 6);
        List<AutoCloseable> opened = new ArrayList<>();
        List<SubmissionQueue> queues = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // one store for the workers, one for the producer
            if (pg) {
                PersistenceAdapters.SqlStore store = PersistenceAdapters.sql(new PersistenceAdapters.SqlSettings(
                        args[1], args[2], "", name, workers + 4, Duration.ofSeconds(30)));
                opened.add(store);
                queues.add(store.submissionQueue(Clock.systemUTC(), 5));
            } else {
                PersistenceAdapters.RedisStore store = PersistenceAdapters.redis(args[1], "bench:{" + name + "}");
                opened.add(store);
                queues.add(store.submissionQueue(Clock.systemUTC(), 5));
            }
        }
        try {
            String line = run(pg ? "ours-postgres" : "ours-redis", queues.get(0), queues.get(1), jobs, rate, workers);
            if (print) {
                System.out.println(line);
            }
        } finally {
            if (pg) {
                try (Connection c = ((PersistenceAdapters.SqlStore) opened.get(0)).dataSource().getConnection();
                     Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + name + " CASCADE");
                }
            } else {
                TestServers.deleteKeysAt(args[1], "bench:{" + name + "}");
            }
            for (AutoCloseable c : opened) {
                c.close();
            }
        }
    }

    private static String run(String system, SubmissionQueue workerQueue, SubmissionQueue producerQueue, int jobs,
                            int rate, int workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers + 1);
        try {
            // (1) + (2): enqueue N, then drain N.
            long t0 = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            all(pool, workers, w -> {
                for (int i = next.getAndIncrement(); i < jobs; i = next.getAndIncrement()) {
                    producerQueue.enqueue(item(i));
                }
                return null;
            });
            long t1 = System.nanoTime();
            AtomicInteger done = new AtomicInteger();
            List<long[]> claimNanos = all(pool, workers, w -> {
                long[] lat = new long[jobs];
                int n = 0;
                // A busy worker hands each finished item back and takes the next in one call.
                Optional<QueueClaim> claim = Optional.empty();
                while (done.get() < jobs) {
                    long s = System.nanoTime();
                    claim = claim.isPresent()
                            ? workerQueue.ackAndClaim(claim.get(), Duration.ofSeconds(60)).next()
                            : workerQueue.claim("w" + w, Duration.ofSeconds(60));
                    long e = System.nanoTime();
                    if (claim.isPresent()) {
                        lat[n++] = e - s;
                        done.incrementAndGet();
                    }
                }
                claim.ifPresent(workerQueue::ack);
                return Arrays.copyOf(lat, n);
            });
            long t2 = System.nanoTime();
            long[] claims = claimNanos.stream().flatMapToLong(Arrays::stream).sorted().toArray();

            // (3): steady producer, waiting workers.
            int pickups = Math.max(50, rate * 2);
            Map<SubmissionId, Long> enqueuedAt = new ConcurrentHashMap<>();
            long[] pickup = new long[pickups];
            AtomicInteger picked = new AtomicInteger();
            List<Future<?>> waiting = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "p" + w;
                waiting.add(pool.submit(() -> {
                    while (picked.get() < pickups) {
                        Optional<QueueClaim> c = workerQueue.claim(worker, Duration.ofSeconds(60), Duration.ofMillis(500));
                        if (c.isPresent()) {
                            long now = System.nanoTime();
                            Long sent = enqueuedAt.get(c.get().item().submissionId());
                            while (sent == null) {
                                Thread.onSpinWait();
                                sent = enqueuedAt.get(c.get().item().submissionId());
                            }
                            pickup[picked.getAndIncrement()] = now - sent;
                            workerQueue.ack(c.get());
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(300);
            long start = System.nanoTime();
            for (int i = 0; i < pickups; i++) {
                long due = start + TimeUnit.SECONDS.toNanos(1) * i / rate;
                while (System.nanoTime() < due) {
                    Thread.sleep(0, 200_000);
                }
                QueuedSubmission item = item(jobs + i);
                long before = System.nanoTime();
                enqueuedAt.put(item.submissionId(), before);
                producerQueue.enqueue(item);
            }
            for (Future<?> f : waiting) {
                f.get(120, TimeUnit.SECONDS);
            }
            Arrays.sort(pickup);
            double enqueueS = (t1 - t0) / 1e9;
            double drainS = (t2 - t1) / 1e9;
            return String.format(java.util.Locale.ROOT,
                    "{\"system\":\"%s\",\"workers\":%d,\"jobs\":%d,\"enqueue_s\":%.3f,\"drain_s\":%.3f,"
                            + "\"jobs_per_s\":%.1f,\"claim_p50_ms\":%.3f,\"claim_p99_ms\":%.3f,"
                            + "\"pickup_p50_ms\":%.3f,\"pickup_p99_ms\":%.3f}",
                    system, workers, jobs, enqueueS, drainS, jobs / (enqueueS + drainS),
                    pct(claims, 50), pct(claims, 99), pct(pickup, 50), pct(pickup, 99));
        } finally {
            pool.shutdownNow();
        }
    }

    private static QueuedSubmission item(int i) {
        return new QueuedSubmission(new BountyId(new UUID(7, i % BOUNTIES)), i / BOUNTIES + 1L,
                new SubmissionId(new UUID(8, i)));
    }

    private static double pct(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static <T> List<T> all(ExecutorService pool, int n, Task<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.run(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(600, TimeUnit.SECONDS));
        }
        return results;
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }
}
