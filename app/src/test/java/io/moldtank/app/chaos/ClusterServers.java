package io.moldtank.app.chaos;

import io.lettuce.core.RedisClient;
import io.moldtank.ports.testing.RequiredServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL schema and Redis prefix for several nodes (the chaos loop, the multi-node tests),
 * removed on close, and the settings every node shares: the queue and guards in Redis, one receipt key, short leases so that a
 * killed worker's submission and a killed scheduler's lease come back within a round or two.
 */
public record ClusterServers(String pgUrl, String schema, String redisUrl, String prefix) implements AutoCloseable {

    public static ClusterServers open() {
        String url = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String redis = RequiredServer.env("MOLDTANK_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        String schema = "chaos_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw RequiredServer.unavailable("PostgreSQL", url, "pg_ctlcluster ... main start", e);
        }
        RedisClient client = RedisClient.create(redis);
        try (var c = client.connect()) {
            c.sync().ping();
        } catch (RuntimeException e) {
            throw RequiredServer.unavailable("Redis", redis, "redis-server --daemonize yes", e);
        } finally {
            client.shutdown();
        }
        return new ClusterServers(url, schema, redis, "mt-test:{" + schema + "}:");
    }

    public Map<String, String> settings(String operatorToken) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("moldtank.queue.kind", "redis");
        s.put("moldtank.guard.kind", "redis");
        s.put("moldtank.redis.uri", redisUrl);
        s.put("moldtank.redis.prefix", prefix);
        s.put("moldtank.operator.token", operatorToken);
        s.put("moldtank.receipts.key", "6e".repeat(32));
        s.put("moldtank.workers.payout-interval", "PT0.2S");
        s.put("moldtank.scheduler.lease-ttl", "PT3S");
        // a killed worker's claim comes back after the lease; a validation here takes seconds
        s.put("moldtank.validation.lease", "PT30S");
        s.put("moldtank.validation.timeout", "PT25S");
        s.put("moldtank.reconciliation.interval", "PT5S");
        s.put("moldtank.reconciliation.check-interval", "PT2S");
        return s;
    }

    @Override
    public void close() throws Exception {
        try (Connection c = DriverManager.getConnection(pgUrl, "postgres", "")) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        RedisClient client = RedisClient.create(redisUrl);
        try (var c = client.connect()) {
            var keys = c.sync().keys(prefix.replace("{", "\\{").replace("}", "\\}") + "*");
            if (!keys.isEmpty()) {
                c.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
    }
}
