package io.moldtank.adapters.persistence;

import io.moldtank.ports.testing.RequiredServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of our own in a temp dir, for tests that restart the server (never the
 * machine's shared one). Needs root (to run initdb/pg_ctl as postgres via runuser); loopback only.
 */
final class ThrowawayPostgres implements AutoCloseable {

    private final Path dir;
    private final Path bin;
    private final int port;

    private ThrowawayPostgres(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    static ThrowawayPostgres start() {
        Path bin = findBin();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("mt-pg-");
            run(List.of("chown", "postgres:postgres", dir.toString()));
            ThrowawayPostgres pg = new ThrowawayPostgres(dir, bin, Throwaway.freePort());
            pg.asPostgres(bin.resolve("initdb").toString(), "-D", pg.data(), "-A", "trust", "-U", "postgres", "-N");
            pg.asPostgres(bin.resolve("pg_ctl").toString(), "-D", pg.data(), "-l", dir.resolve("log").toString(),
                    "-o", "-p " + pg.port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "start");
            return pg;
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                Throwaway.deleteTree(dir);
            }
            throw RequiredServer.unavailable("a throw-away PostgreSQL (initdb/pg_ctl via runuser, as root)",
                    bin.toString(), "run the tests as root on a machine with PostgreSQL 14+ installed", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void restart() {
        asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", dir.resolve("log").toString(),
                "-m", "fast", "-w", "restart");
    }

    @Override
    public void close() {
        try {
            asPostgres(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
        } finally {
            Throwaway.deleteTree(dir);
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void asPostgres(String... command) {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) {
        try {
            // Output to a file, not a pipe: a server started by pg_ctl would hold a pipe open.
            Path output = Files.createTempFile("mt-pg-cmd-", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString)).orElseThrow(() -> new IOException("no initdb"));
        } catch (IOException e) {
            throw RequiredServer.unavailable("PostgreSQL server binaries", "/usr/lib/postgresql/*/bin",
                    "apt-get install postgresql", e);
        }
    }
}
