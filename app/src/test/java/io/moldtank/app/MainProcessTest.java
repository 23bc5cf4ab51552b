package io.moldtank.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs {@link Main} in its own JVM with real environment variables, then stops it with SIGTERM:
 * proves the environment mapping, the JSON log lines and the graceful shutdown end to end.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void mainHonoursEnvironmentOverridesLogsJsonAndShutsDownGracefullyOnSigterm() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("SERVER_HOST", "127.0.0.1");
        builder.environment().put("MOLDTANK_SHUTDOWN_TIMEOUT", "PT7S");
        builder.environment().remove("MOLDTANK_CONFIG");
        builder.redirectError(Path.of("target", "main-process-test.stderr").toFile());
        Process process = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> readJsonLines(process, lines, events));
        try {
            JsonNode started = awaitMessage(events, "app started", lines);
            int port = started.path("port").asInt();
            assertThat(port).as("SERVER_PORT=0 must override the default 8080").isPositive().isNotEqualTo(8080);
            assertThat(started.path("adapters").path("clock").asText()).isEqualTo("system-utc");

            HttpResponse<String> ready = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);

            // SIGTERM through the handle: Process.destroy() would also close our end of stdout.
            process.toHandle().destroy();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exits within 15 s of SIGTERM").isTrue();
            reader.join(Duration.ofSeconds(5));
            assertThat(awaitMessage(events, "shutdown started", lines).path("timeoutMs").asLong())
                    .as("MOLDTANK_SHUTDOWN_TIMEOUT must map to moldtank.shutdown.timeout (exit %d)", process.exitValue())
                    .isEqualTo(7000);
            JsonNode complete = awaitMessage(events, "shutdown complete", lines);
            assertThat(complete.path("closed").toString()).contains("http-server");
            assertThat(lines).as("every stdout line is a JSON object").allSatisfy(line -> assertThat(line).startsWith("{"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void readJsonLines(Process process, List<String> lines, BlockingQueue<JsonNode> events) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                try {
                    events.add(JSON.readTree(line));
                } catch (IOException notJson) {
                    // kept in lines; the final assertion reports it
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static JsonNode awaitMessage(BlockingQueue<JsonNode> events, String message, List<String> lines)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && message.equals(event.path("message").asText())) {
                return event;
            }
        }
        return fail("no log line with message '" + message + "' within 30 s; stdout so far:\n"
                + String.join("\n", lines));
    }
}
