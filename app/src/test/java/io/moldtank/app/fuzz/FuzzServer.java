package io.moldtank.app.fuzz;

import io.moldtank.adapters.persistence.PersistenceAdapters;
import io.moldtank.app.AppConfig;
import io.moldtank.app.MoldTankApp;
import io.moldtank.app.MoldTankServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The main job on embedded defaults (H2 file in a temp dir, its queue, the mock chain), with the operator
 * API on, bound to loopback, the rate-limit buckets raised so the limits do not hide the handlers, and
 * the background workers idle so that every change in storage comes from a request.
 */
final class FuzzServer implements AutoCloseable {
    static final String OPERATOR_TOKEN = "fuzz-operator-token-0123456789abcdef01234567";
    private static final String HUGE = "1000000000";

    private final Path dir;
    private final MoldTankApp app;
    private final DataSource db;

    private FuzzServer(Path dir, MoldTankApp app, DataSource db) {
        this.dir = dir;
        this.app = app;
        this.db = db;
    }

    static FuzzServer start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("moldtank-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties p = new Properties();
        p.setProperty("server.host", "127.0.0.1");
        p.setProperty("server.port", "0");
        p.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        p.setProperty("moldtank.operator.token", OPERATOR_TOKEN);
        for (String bucket : new String[] {"discovery", "read", "write"}) {
            p.setProperty("moldtank.http.limits." + bucket + ".capacity", HUGE);
            p.setProperty("moldtank.http.limits." + bucket + ".refill", HUGE);
        }
        p.setProperty("moldtank.workers.validation", "0");
        p.setProperty("moldtank.workers.payout-interval", "PT1H");
        p.setProperty("moldtank.workers.expiry-interval", "PT1H");
        MoldTankApp app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), p));
        DataSource db = app.wiring().resourcesInCloseOrder().stream().filter(r -> r.name().equals("sql"))
                .map(r -> ((PersistenceAdapters.SqlStore) r.resource()).dataSource()).findFirst().orElseThrow();
        return new FuzzServer(dir, app, db);
    }

    int port() {
        return app.port();
    }

    /** The clock the server times requests against; signatures use it too. */
    Clock clock() {
        return app.wiring().clock();
    }

    DataSource db() {
        return db;
    }

    @Override
    public void close() {
        app.shutdown();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is not worth failing the run for
        }
    }
}
