package io.moldtank.adapters.persistence.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.moldtank.ports.testing.RequiredServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled database migrated with {@code db/migration}, for the storage tests: a throw-away schema on
 * the machine's PostgreSQL (dropped on close), or an H2 database in PostgreSQL mode. Production code
 * never runs Flyway itself; the wiring owns migration.
 */
final class MigratedDatabase implements AutoCloseable {
    static final String H2_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /** The tables the storage adapter writes, children first. */
    private static final List<String> TABLES = List.of("agent_reputation", "mock_chain_log", "moltbook_links", "agent_cards", "webhook_attempts", "webhook_deliveries", "webhook_messages", "webhook_endpoints", "scraped_drafts", "scraper_runs", "reconciliation_differences", "leases", "reviews", "jobs", "listing_tags",
            "listings", "ledger_transfers", "ledger_accounts", "events", "votes", "submissions", "comments", "payouts",
            "escrow_deposits", "bounty_slots", "bounty_tags", "bounties", "agents");

    static {
        // Flyway reports every migration through java.util.logging; the tests need only its warnings
        java.util.logging.Logger.getLogger("org.flywaydb").setLevel(java.util.logging.Level.WARNING);
    }

    private final HikariDataSource pool;
    private final Runnable cleanup;

    private MigratedDatabase(HikariDataSource pool, Runnable cleanup) {
        this.pool = pool;
        this.cleanup = cleanup;
    }

    static MigratedDatabase postgres() {
        String url = RequiredServer.env("MOLDTANK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = RequiredServer.env("MOLDTANK_TEST_PG_USER", "postgres");
        String password = RequiredServer.env("MOLDTANK_TEST_PG_PASSWORD", "");
        String schema = "storage_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(url, credentials); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw RequiredServer.unavailable("PostgreSQL", url + " as " + user,
                    "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        HikariConfig config = config(url, "storage-pg-" + schema);
        config.setUsername(user);
        config.setPassword(password);
        config.setSchema(schema);
        return migrated(new HikariDataSource(config), url, schema, () -> {
            try (Connection c = DriverManager.getConnection(url, credentials); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        });
    }

    static MigratedDatabase h2InMemory() {
        String name = "storage_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return h2("jdbc:h2:mem:" + name + H2_MODE + ";DB_CLOSE_DELAY=-1", true);
    }

    /** An H2 file database; reopening the same file migrates nothing twice and keeps the data. */
    static MigratedDatabase h2File(Path file) {
        return h2("jdbc:h2:file:" + file.toAbsolutePath() + H2_MODE, false);
    }

    private static MigratedDatabase h2(String url, boolean dropOnClose) {
        HikariDataSource pool = new HikariDataSource(config(url, "storage-h2"));
        return migrated(pool, url, null, () -> {
            if (dropOnClose) { // an in-memory database outlives its pool (DB_CLOSE_DELAY=-1) until shut down
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not shut down " + url, e);
                }
            }
        });
    }

    private static HikariConfig config(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(name);
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(5_000);
        return config;
    }

    private static MigratedDatabase migrated(HikariDataSource pool, String url, String schema, Runnable cleanup) {
        try {
            var flyway = Flyway.configure().dataSource(pool)
                    .locations(io.moldtank.adapters.persistence.PersistenceAdapters.migrationLocations(url));
            if (schema != null) {
                flyway.schemas(schema).defaultSchema(schema);
            }
            flyway.load().migrate();
            return new MigratedDatabase(pool, cleanup);
        } catch (RuntimeException e) {
            pool.close();
            cleanup.run();
            throw e;
        }
    }

    DataSource dataSource() {
        return pool;
    }

    /** Empties every table the adapter writes, so each test starts from an empty store. */
    void wipe() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
    }

    long count(String sql, Object... params) {
        try (Connection c = pool.getConnection(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            cleanup.run();
        }
    }
}
