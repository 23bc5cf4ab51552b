package io.moldtank.adapters.persistence;

import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.guard.NonceStore;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The one entry into this module: opens SQL databases (PostgreSQL, or H2 as the embedded
 * default) and Redis, and hands out the port adapters on them. {@code app} calls this to wire.
 */
public final class PersistenceAdapters {

    /** H2 URL options that make it speak the PostgreSQL dialect our migrations use. */
    public static final String H2_POSTGRES_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private PersistenceAdapters() {
    }

    /**
     * Where the migrations of a database at {@code jdbcUrl} are: {@code db/migration}, which H2 and
     * PostgreSQL both run, and on PostgreSQL also {@code db/postgresql} (its full-text index: tsvector,
     * GIN and triggers, which H2 has no syntax for). Versions there are sub-versions of a shared one (V11.1).
     */
    public static String[] migrationLocations(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:") ? new String[] {"classpath:db/migration"}
                : new String[] {"classpath:db/migration", "classpath:db/postgresql"};
    }

    /** A pooled PostgreSQL (or H2) database, migrated with Flyway on open. */
    public static SqlStore sql(SqlSettings settings) {
        return SqlDatabase.open(settings);
    }

    /**
     * H2 file settings that make a commit durable before it returns: WRITE_DELAY=0 writes the
     * transaction's chunk when it commits, not up to 500 ms later in the background, so an answered
     * write survives kill -9 (H2DurabilityTest). The chunk is in the OS cache, not fsynced: a power
     * cut can still lose the last commits (README, Reliability).
     */
    public static final String H2_DURABLE_COMMITS = ";WRITE_DELAY=0";

    /** The embedded default: an H2 file database at {@code file} (".mv.db" is appended by H2). */
    public static SqlStore h2File(Path file) {
        String url = "jdbc:h2:file:" + file.toAbsolutePath() + H2_POSTGRES_MODE + H2_DURABLE_COMMITS;
        SqlDatabase db = SqlDatabase.open(new SqlSettings(url, "sa", "", "public", 8, Duration.ofSeconds(30)));
        db.releaseLeasesOfDeadProcesses();
        return db;
    }

    /** Redis at {@code uri} (e.g. redis://127.0.0.1:6379); every key starts with {@code keyPrefix}. */
    public static RedisStore redis(String uri, String keyPrefix) {
        return RedisConnection.open(uri, keyPrefix);
    }

    public record SqlSettings(String jdbcUrl, String user, String password, String schema, int maxPoolSize,
                              Duration connectTimeout) {
        public SqlSettings {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("maxPoolSize must be positive");
            }
        }

        public static SqlSettings postgres(String jdbcUrl, String user, String password) {
            return new SqlSettings(jdbcUrl, user, password, "public", 10, Duration.ofSeconds(30));
        }

        public SqlSettings withSchema(String newSchema) {
            return new SqlSettings(jdbcUrl, user, password, newSchema, maxPoolSize, connectTimeout);
        }
    }

    /** An open SQL database. Closing it closes its pool and stops its queue listener. */
    public interface SqlStore extends AutoCloseable {
        /** The pool, for the storage adapters of later migrations. */
        DataSource dataSource();

        /** The storage ports on this database: one instance per store, so transactions join across ports. */
        SqlStorage storage();

        /**
         * The event log of {@link #storage()} as a feed, numbered by the database: ids survive restarts,
         * so a stream can replay events committed before this process started. On PostgreSQL it also
         * delivers live what other processes on the same database commit.
         */
        EventFeed eventFeed();

        /** The queue on this database; items dead-letter after {@code maxAttempts} claims. */
        SubmissionQueue submissionQueue(Clock clock, int maxAttempts);

        @Override
        void close();
    }

    /** An open Redis connection and the adapters on it. */
    public interface RedisStore extends AutoCloseable {
        SubmissionQueue submissionQueue(Clock clock, int maxAttempts);

        /** Nonces kept by Redis itself ({@code SET NX PX}): expiry follows Redis's clock. */
        NonceStore nonceStore();

        /** Token buckets updated by one Lua script per take, with time read from {@code clock}. */
        RateLimiter rateLimiter(Clock clock);

        /** Idempotency records shared by every node, one Lua script per call; expiry follows Redis's clock. */
        IdempotencyStore idempotencyStore();

        @Override
        void close();
    }
}
