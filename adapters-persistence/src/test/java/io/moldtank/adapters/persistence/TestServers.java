package io.moldtank.adapters.persistence;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.moldtank.ports.testing.RequiredServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * The real servers the tests use, from MOLDTANK_TEST_PG_URL / MOLDTANK_TEST_PG_USER /
 * MOLDTANK_TEST_REDIS_URL (defaults: the machine's own). Every test class gets its own PostgreSQL
 * schema or Redis key prefix, removed when the test JVM ends. Unreachable servers skip the test,
 * or fail it when CI=true ({@link RequiredServer}).
 */
final class TestServers {

    static final String PG_URL = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = RequiredServer.env("MOLDTANK_TEST_PG_USER", "postgres");
    static final String PG_PASSWORD = RequiredServer.env("MOLDTANK_TEST_PG_PASSWORD", "");
    static final String REDIS_URL = RequiredServer.env("MOLDTANK_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestServers() {
    }

    /** A unique, lower-case name for this test class's schema or prefix. */
    static String uniqueName(Class<?> testClass) {
        String base = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "mt_" + base.substring(0, Math.min(30, base.length())) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    static PersistenceAdapters.SqlSettings postgresSettings(String schema) {
        return new PersistenceAdapters.SqlSettings(PG_URL, PG_USER, PG_PASSWORD, schema, 10, Duration.ofSeconds(10));
    }

    /** Opens a migrated store in a fresh schema of the test PostgreSQL; dropped at JVM exit. */
    static PersistenceAdapters.SqlStore postgres(Class<?> testClass) {
        return postgres(uniqueName(testClass));
    }

    /** Opens a migrated store in schema {@code schema} of the test PostgreSQL; dropped at JVM exit. */
    static PersistenceAdapters.SqlStore postgres(String schema) {
        requirePostgres();
        PersistenceAdapters.SqlStore store = PersistenceAdapters.sql(postgresSettings(schema));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            dropSchema(schema);
        }));
        return store;
    }

    static void requirePostgres() {
        Properties p = new Properties();
        p.setProperty("user", PG_USER);
        p.setProperty("password", PG_PASSWORD);
        p.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(PG_URL, p)) {
            c.isValid(3);
        } catch (SQLException e) {
            throw RequiredServer.unavailable("PostgreSQL", PG_URL + " as " + PG_USER,
                    "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }

    static void dropSchema(String schema) {
        Properties p = new Properties();
        p.setProperty("user", PG_USER);
        p.setProperty("password", PG_PASSWORD);
        try (Connection c = DriverManager.getConnection(PG_URL, p); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    /** Opens a Redis store under a fresh key prefix; its keys are deleted at JVM exit. */
    static PersistenceAdapters.RedisStore redis(Class<?> testClass, String prefix) {
        requireRedis();
        PersistenceAdapters.RedisStore store = PersistenceAdapters.redis(REDIS_URL, prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            deleteKeys(prefix);
        }));
        return store;
    }

    private static final java.util.Map<Class<?>, PersistenceAdapters.RedisStore> SHARED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** One Redis store per test class, under its own fresh prefix, opened on first use. */
    static PersistenceAdapters.RedisStore sharedRedis(Class<?> testClass) {
        return SHARED.computeIfAbsent(testClass, c -> redis(c, redisPrefix(c)));
    }

    /** A fresh prefix with a hash tag, so the scripts' keys share one cluster slot. */
    static String redisPrefix(Class<?> testClass) {
        return "mt-test:{" + uniqueName(testClass) + "}";
    }

    /** Real time passing, for stores whose clock is the server's (Redis TTLs). */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void requireRedis() {
        RedisURI uri = RedisURI.create(REDIS_URL);
        uri.setTimeout(Duration.ofSeconds(3));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().ping();
        } catch (RuntimeException e) {
            throw RequiredServer.unavailable("Redis", REDIS_URL, "redis-server --daemonize yes --bind 127.0.0.1 "
                    + "--port 6379 --save \"\" --appendonly no", e);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** Deletes every key starting with {@code prefix}. */
    static void deleteKeys(String prefix) {
        deleteKeysAt(REDIS_URL, prefix);
    }

    /** Deletes every key starting with {@code prefix} on the Redis at {@code url}. */
    static void deleteKeysAt(String url, String prefix) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            String pattern = prefix.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1") + "*";
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = c.sync().scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
                if (!page.getKeys().isEmpty()) {
                    c.sync().del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } catch (RuntimeException e) {
            System.err.println("could not delete test keys " + prefix + "*: " + e.getMessage());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** Empties the queue tables (between tests of one class). */
    static void emptyQueueTables(PersistenceAdapters.SqlStore store) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM submission_dead_letter");
            s.execute("DELETE FROM submission_queue");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
