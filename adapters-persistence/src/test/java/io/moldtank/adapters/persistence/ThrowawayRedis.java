package io.moldtank.adapters.persistence;

import io.moldtank.ports.testing.RequiredServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server of our own on a free loopback port and a temp dir, for tests that restart it
 * (never the machine's shared one). AOF with fsync on every write, so acknowledged writes survive a
 * restart. Only the process this class started is ever stopped.
 */
final class ThrowawayRedis implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final Path dir;
    private final int port;
    private Process process;

    private ThrowawayRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static ThrowawayRedis start() {
        Path dir = null;
        try {
            if (!Files.isExecutable(BINARY)) {
                throw new IOException(BINARY + " is missing");
            }
            dir = Files.createTempDirectory("mt-redis-");
            ThrowawayRedis redis = new ThrowawayRedis(dir, Throwaway.freePort());
            redis.launch();
            return redis;
        } catch (IOException | RuntimeException e) {
            if (dir != null) {
                Throwaway.deleteTree(dir);
            }
            throw RequiredServer.unavailable("a throw-away Redis", BINARY.toString(), "apt-get install redis-server", e);
        }
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGTERM (Redis fsyncs the AOF and exits), a pause with nothing listening, then the same port and dir. */
    void restart(long downMillis) throws InterruptedException {
        restart(downMillis, () -> { });
    }

    /** As {@link #restart(long)}, running {@code whileDown} half-way through the outage. */
    void restart(long downMillis, Runnable whileDown) throws InterruptedException {
        stop();
        Thread.sleep(downMillis / 2);
        whileDown.run();
        Thread.sleep(downMillis - downMillis / 2);
        launch();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            Throwaway.deleteTree(dir);
        }
    }

    private void launch() {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(BINARY.toString(), "--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                    "--save", "", "--daemonize", "no", "--logfile", dir.resolve("redis.log").toString()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile());
            // The shifted-clock CI run preloads libfaketime, which redis-server's jemalloc cannot start under.
            // Redis's own clock is never read (scripts take the time from the caller), so it keeps the real one.
            builder.environment().remove("LD_PRELOAD");
            process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!answersPing()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("redis-server did not come up on port " + port + ": "
                            + Files.readString(dir.resolve("redis.log")));
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not start redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy(); // SIGTERM to this PID only
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** True once the server answers PING (not -LOADING while it replays the AOF). */
    private boolean answersPing() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return "+PONG".equals(line);
        } catch (IOException e) {
            return false;
        }
    }
}
