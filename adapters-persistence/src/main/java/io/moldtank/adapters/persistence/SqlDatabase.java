package io.moldtank.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** A pooled, migrated SQL database (PostgreSQL or H2) and the queue on it. */
final class SqlDatabase implements PersistenceAdapters.SqlStore {

    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final Wakeups wakeups;
    private final ReentrantLock h2ClaimLock = new ReentrantLock();
    private final SqlStorage storage;
    private final PersistenceAdapters.SqlSettings settings;
    private final String schema;
    private EventFeed eventFeed;
    private EventFollower follower;

    private SqlDatabase(PersistenceAdapters.SqlSettings settings, String schema, HikariDataSource dataSource,
                        SqlDialect dialect, Wakeups wakeups) {
        this.settings = settings;
        this.schema = schema;
        this.dataSource = dataSource;
        this.storage = SqlStorage.on(dataSource);
        this.dialect = dialect;
        this.wakeups = wakeups;
    }

    static SqlDatabase open(PersistenceAdapters.SqlSettings settings) {
        SqlDialect dialect = settings.jdbcUrl().startsWith("jdbc:h2:") ? SqlDialect.H2 : SqlDialect.POSTGRES;
        String schema = settings.schema().toLowerCase(Locale.ROOT);
        if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema must match [a-z_][a-z0-9_]{0,62}: " + settings.schema());
        }
        createSchema(settings, schema);
        HikariConfig config = new HikariConfig();
        config.setSchema(schema);
        config.setPoolName("moldtank-" + schema);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                    .locations(PersistenceAdapters.migrationLocations(settings.jdbcUrl())).load().migrate();
            Wakeups wakeups = dialect == SqlDialect.H2 ? new Wakeups() : new PgNotifications(settings.jdbcUrl(),
                    credentials(settings), channel("moldtank_queue_", schema), dataSource);
            return new SqlDatabase(settings, schema, dataSource, dialect, wakeups);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** A LISTEN channel per schema; PostgreSQL names stop at 63 bytes, so a long schema is shortened with its hash. */
    static String channel(String prefix, String schema) {
        String name = prefix + schema;
        if (name.length() <= 63) {
            return name;
        }
        String hash = String.format("%08x", schema.hashCode());
        return name.substring(0, 63 - hash.length() - 1) + "_" + hash;
    }

    /** The pool sets every connection's schema, so the schema must exist before the pool starts. */
    private static void createSchema(PersistenceAdapters.SqlSettings settings, String schema) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), credentials(settings));
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        } catch (SQLException e) {
            throw Jdbc.unavailable("creating schema " + schema, e);
        }
    }

    private static Properties credentials(PersistenceAdapters.SqlSettings settings) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("ApplicationName", "moldtank-queue-listener");
        return properties;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public SqlStorage storage() {
        return storage;
    }

    /**
     * One feed per store: each would otherwise add its own after-commit subscription. On PostgreSQL it
     * also follows what other processes commit (several nodes on one database); an H2 file has one.
     */
    @Override
    public synchronized EventFeed eventFeed() {
        if (eventFeed == null) {
            if (dialect == SqlDialect.POSTGRES) {
                PgNotifications channel = new PgNotifications(settings.jdbcUrl(), credentials(settings),
                        channel("moldtank_events_", schema), dataSource);
                try {
                    SqlStorage.FollowingFeed feed = storage.followingEventFeed(channel::notifyOthers);
                    follower = new EventFollower(feed, channel);
                    eventFeed = feed;
                } catch (RuntimeException e) { // e.g. the database went away: no listener left running
                    channel.close();
                    throw e;
                }
            } else {
                eventFeed = storage.eventFeed();
            }
        }
        return eventFeed;
    }

    @Override
    public SubmissionQueue submissionQueue(Clock clock, int maxAttempts) {
        return new SqlSubmissionQueue(dataSource, dialect, clock, maxAttempts, wakeups, h2ClaimLock);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (follower != null) {
                follower.close();
            }
        }
        wakeups.close();
        dataSource.close();
    }

    /**
     * An H2 file is opened by one process at a time (H2's file lock), so at open every lease in it
     * belongs to a process that died: freed now, a submission is validated at once instead of after its
     * lease runs out (6 min by default; the claim still counts as an attempt), and a reconciliation or
     * scraper run the dead process held runs again at start.
     */
    void releaseLeasesOfDeadProcesses() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            int freed = s.executeUpdate("UPDATE submission_queue SET lease_token = NULL, worker_id = NULL, "
                    + "lease_until = NULL WHERE lease_token IS NOT NULL");
            // the same holds for the periodic work's leases (reconciliation, the scraper): a run the dead
            // process held would otherwise wait out its max-run before this one could start it
            freed += s.executeUpdate("UPDATE leases SET holder = NULL, expires_at = TIMESTAMP WITH TIME ZONE "
                    + "'1970-01-01 00:00:00+00' WHERE holder IS NOT NULL");
            if (freed > 0) {
                org.slf4j.LoggerFactory.getLogger(SqlDatabase.class).atWarn()
                        .addKeyValue("event", "queue-leases-freed").addKeyValue("count", freed)
                        .log("freed leases held by a process that ended without releasing them");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not free the queue's stale leases: " + e.getMessage(), e);
        }
    }
}
