package io.moldtank.app.chaos;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the kill -9 loop runs and kills: the main job alone on an H2 file ({@link #single}), or an api, a
 * workers and a scheduler node on one PostgreSQL schema and one Redis prefix ({@link #roles}).
 */
final class ChaosNodes {
    private final Path dir;
    private final Map<String, Map<String, String>> settings;
    private final Map<String, MainJobProcess> running = new LinkedHashMap<>();
    private final BooksSource books;
    private final boolean single;
    private int started;

    /** Reads what is stored while a node is dead. */
    @FunctionalInterface
    interface BooksSource {
        Books read() throws Exception;
    }

    private ChaosNodes(Path dir, Map<String, Map<String, String>> settings, BooksSource books, boolean single) {
        this.dir = dir;
        this.settings = settings;
        this.books = books;
        this.single = single;
    }

    /** The main job with every role on an H2 file in {@code dir}. */
    static ChaosNodes single(Path dir, Map<String, String> settings) {
        return new ChaosNodes(dir, Map.of("main", settings), () -> Books.read(dir), true);
    }

    /** One node per role on PostgreSQL schema {@code schema} and Redis, with {@code common} settings. */
    static ChaosNodes roles(Path dir, String pgUrl, String schema, Map<String, String> common) {
        Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
        for (String role : List.of("api", "workers", "scheduler")) {
            Map<String, String> s = new LinkedHashMap<>(common);
            s.put("moldtank.roles", role);
            s.put("moldtank.storage.kind", "postgres");
            s.put("moldtank.storage.postgres.url", pgUrl);
            s.put("moldtank.storage.postgres.schema", schema);
            nodes.put(role, s);
        }
        return new ChaosNodes(dir, nodes, () -> Books.readPostgres(pgUrl, schema), false);
    }

    /** Starts every node that is not running; returns the port of the node serving the API. */
    int startMissing() throws Exception {
        for (var node : settings.entrySet()) {
            MainJobProcess p = running.get(node.getKey());
            if (p == null || !p.alive()) {
                running.put(node.getKey(), MainJobProcess.start(dir, node.getKey() + "-" + started++, node.getValue()));
            }
        }
        return running.get(single ? "main" : "api").port();
    }

    /** Draws the node this round kills. */
    String pick(Random random) {
        List<String> names = List.copyOf(settings.keySet());
        return names.get(random.nextInt(names.size()));
    }

    void kill(String node) throws InterruptedException {
        running.get(node).kill();
    }

    Books books() throws Exception {
        return books.read();
    }

    /** A single node reconciles at every start, and its operator API shows the run. */
    boolean single() {
        return single;
    }

    void killAll() throws InterruptedException {
        for (MainJobProcess p : running.values()) {
            if (p.alive()) {
                p.kill();
            }
        }
    }
}
