package io.moldtank.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.app.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The main job in its own JVM on embedded defaults (an H2 file and the journalled mock chain in
 * {@code dir}), started the way an operator starts it and ended with SIGKILL: no shutdown hook runs,
 * nothing is flushed or closed. Its JSON log goes to {@code dir/main-<n>.log}.
 */
final class MainJobProcess {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;

    private MainJobProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MainJobProcess start(Path dir, int n, Map<String, String> settings) throws Exception {
        return start(dir, "main-" + n, settings);
    }

    /** The same, logging to {@code dir/<name>.log}. */
    static MainJobProcess start(Path dir, String name, Map<String, String> settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-Dserver.port=0", "-Dserver.host=127.0.0.1",
                "-Dmoldtank.storage.h2.file=" + dir.resolve("db"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("MOLDTANK_CONFIG");
        Process p = builder.start();
        Path log = dir.resolve(name + ".log");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> copy(p, log, port));
        try {
            return new MainJobProcess(p, port.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("the main job did not start within 60 s; see " + log, e);
        }
    }

    /** Copies the log to its file and reports the port from the "app started" line. */
    private static void copy(Process p, Path log, CompletableFuture<Integer> port) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             var file = Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line; (line = out.readLine()) != null; ) {
                file.write(line);
                file.newLine();
                if (!port.isDone() && line.contains("\"app started\"")) {
                    JsonNode started = JSON.readTree(line);
                    port.complete(started.path("port").asInt());
                }
            }
        } catch (IOException ended) {
            // killed
        } finally {
            port.completeExceptionally(new IllegalStateException("the main job ended before it started"));
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL, as {@code kill -9}: the JVM gets no chance to flush, close or run a hook. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the main job did not die within 20 s of SIGKILL");
        }
    }

    /** SIGTERM, as an orchestrator stops a pod: the shutdown hook runs (and gives up what the node held). */
    void stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the main job did not stop within 30 s of SIGTERM");
        }
    }

    boolean alive() {
        return process.isAlive();
    }
}
