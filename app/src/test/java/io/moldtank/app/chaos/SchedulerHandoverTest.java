package io.moldtank.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: two main jobs on one PostgreSQL, each with every role. Exactly one runs the periodic work
 * (the other's passes stay at zero); when its process is killed with SIGKILL the other takes the scheduler
 * lease within its TTL and a heartbeat, with a higher fence; a node stopped with SIGTERM gives the lease
 * up and a node started meanwhile takes over at its next heartbeat. Figures are printed on a
 * {@code scheduler-handover:} line.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SchedulerHandoverTest {
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void a_killed_scheduler_is_replaced_within_its_ttl_and_a_stopped_one_at_the_next_heartbeat(@TempDir Path dir)
            throws Exception {
        ClusterServers servers = ClusterServers.open();
        Map<String, String> settings = new HashMap<>(Map.of("moldtank.storage.kind", "postgres",
                "moldtank.storage.postgres.url", servers.pgUrl(), "moldtank.storage.postgres.schema", servers.schema(),
                "moldtank.scheduler.lease-ttl", TTL.toString(), "moldtank.workers.expiry-interval", "PT0.2S"));
        MainJobProcess a = null;
        MainJobProcess b = null;
        MainJobProcess c = null;
        try {
            a = MainJobProcess.start(dir, 0, settings);
            b = MainJobProcess.start(dir, 1, settings);
            Thread.sleep(TTL.toMillis()); // both beat a few times
            waitForLeader(a, b, TTL);
            MainJobProcess leader = gauge(a, "moldtank_scheduler_leader") == 1 ? a : b;
            MainJobProcess follower = leader == a ? b : a;
            for (int i = 0; i < 10; i++) {
                assertThat(gauge(leader, "moldtank_scheduler_leader") + gauge(follower, "moldtank_scheduler_leader"))
                        .as("never two schedulers").isLessThanOrEqualTo(1);
                Thread.sleep(100);
            }
            assertThat(passes(leader)).as("the leader sweeps").isPositive();
            assertThat(passes(follower)).as("the follower runs no periodic work").isZero();
            long fence = (long) gauge(leader, "moldtank_scheduler_fence");

            leader.kill();
            long killed = System.nanoTime();
            waitForLeader(follower, TTL.multipliedBy(3));
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            assertThat(takeover).as("taken over within the TTL and a heartbeat")
                    .isLessThan(TTL.plus(TTL.dividedBy(3)).plusSeconds(1));
            assertThat((long) gauge(follower, "moldtank_scheduler_fence")).isGreaterThan(fence);
            double sweptBefore = passes(follower);
            Thread.sleep(1000);
            assertThat(passes(follower)).as("the new leader sweeps").isGreaterThan(sweptBefore);

            c = MainJobProcess.start(dir, 2, settings);
            Thread.sleep(TTL.toMillis());
            assertThat(gauge(c, "moldtank_scheduler_leader")).as("a node joining follows").isZero();
            follower.stop();
            long stopped = System.nanoTime();
            waitForLeader(c, TTL.multipliedBy(2));
            Duration handover = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(handover).as("a lease given up is taken at the next heartbeat")
                    .isLessThan(TTL.dividedBy(3).plusSeconds(1));
            System.out.printf("scheduler-handover: ttl=%s killed->taken=%d ms stopped->taken=%d ms%n", TTL,
                    takeover.toMillis(), handover.toMillis());
        } finally {
            for (MainJobProcess p : new MainJobProcess[] {a, b, c}) {
                if (p != null && p.alive()) {
                    p.kill();
                }
            }
            servers.close();
        }
    }

    private static void waitForLeader(MainJobProcess node, Duration within) throws Exception {
        waitForLeader(node, node, within);
    }

    private static void waitForLeader(MainJobProcess one, MainJobProcess other, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (gauge(one, "moldtank_scheduler_leader") == 1 || gauge(other, "moldtank_scheduler_leader") == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no takeover within " + within);
    }

    /** Passes of every periodic job on this node. */
    private static double passes(MainJobProcess node) throws Exception {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^moldtank_scheduler_passes_total\\{[^}]*} ([0-9.eE+-]+)$").matcher(metrics(node));
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static double gauge(MainJobProcess node, String name) throws Exception {
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics(node));
        if (!m.find()) {
            throw new AssertionError(name + " not in the metrics of the node on port " + node.port());
        }
        return Double.parseDouble(m.group(1));
    }

    private static String metrics(MainJobProcess node) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                + "/observe/metrics")).header("Accept", "text/plain").timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

}
