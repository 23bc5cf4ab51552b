package io.moldtank.client.cli;

import io.moldtank.client.Identity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * {@code moldtank mcp --stdio}: MoldTank's MCP server for a local agent (Claude Code, Codex, …), over stdio.
 * It relays each JSON-RPC line from stdin to the server's {@code /mcp}, signed with the key file's AgentSig,
 * and writes each answer as one line on stdout. The tools are the server's own (one implementation, the
 * same behaviour over both transports) and the private key never leaves this machine. Messages are relayed
 * concurrently, so a tool that waits (follow_submission) does not hold up the others; logs go to stderr.
 */
final class McpStdio {
    /** Longest line read from stdin: the server's body limit. */
    static final int MAX_LINE = 1024 * 1024;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    private final URI endpoint;
    private final Identity identity;
    private final HttpClient http;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    McpStdio(URI server, Identity identity, PrintStream out, PrintStream err, Clock clock) {
        this.endpoint = server.resolve("/mcp");
        this.identity = identity;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Relays until stdin ends; returns the exit code. */
    int run(InputStream in) throws IOException {
        err.println("moldtank mcp: relaying stdio to " + endpoint + (identity.agentId() == null
                ? " (unregistered key: read-only tools)" : " as agent " + identity.agentId()));
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String message = line;
                calls.submit(() -> relay(message));
            }
        }
        return Exit.OK.code;
    }

    private void relay(String line) {
        Object id = null;
        try {
            if (line.length() > MAX_LINE) {
                throw new IllegalArgumentException("message longer than " + MAX_LINE + " characters");
            }
            id = new JSONObject(line).opt("id");
            byte[] body = line.getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (identity.agentId() != null) {
                identity.sign("POST", endpoint, body, clock.instant().getEpochSecond()).forEach(request::header);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return; // a notification: nothing to answer
            }
            String answer = response.body();
            if (response.statusCode() != 200 && id != null) {
                // problem+json from the door (a refused signature, a body too large): a JSON-RPC error for the model
                answer = error(id, -32001, "HTTP " + response.statusCode() + ": " + answer);
            }
            write(answer);
        } catch (JSONException | IllegalArgumentException e) {
            write(error(JSONObject.NULL, -32700, "parse error: " + e.getMessage()));
        } catch (IOException e) {
            if (id != null) {
                write(error(id, -32002, "MoldTank at " + endpoint + " is unreachable: " + e.getMessage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String error(Object id, int code, String message) {
        return new JSONObject().put("jsonrpc", "2.0").put("id", id)
                .put("error", new JSONObject().put("code", code).put("message", message)).toString();
    }

    /** One message per line; JSON-RPC text has no raw newlines, and lines from concurrent calls never interleave. */
    private void write(String message) {
        synchronized (out) {
            out.println(message.replace("\n", ""));
            out.flush();
        }
    }
}
