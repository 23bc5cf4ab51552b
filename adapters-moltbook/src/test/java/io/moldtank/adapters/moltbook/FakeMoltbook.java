package io.moldtank.adapters.moltbook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Moltbook on 127.0.0.1: answers scripted replies in order (a 500 once the script runs out)
 * and records every request, so tests see what the real API would see.
 */
final class FakeMoltbook implements AutoCloseable {

    record Reply(int status, Map<String, String> headers, byte[] body, Duration delay) {
        static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        static Reply ok(String body) {
            return json(200, body);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay);
        }

        Reply after(Duration wait) {
            return new Reply(status, headers, body, wait);
        }
    }

    /** {@code appKey}: the X-Moltbook-App-Key header; {@code body}: what was posted (empty for a GET). */
    record Received(String path, Map<String, String> query, String authorization, String method, String appKey,
                    String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeMoltbook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1");
    }

    FakeMoltbook then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        received.add(new Received(ex.getRequestURI().getPath(), query(ex.getRequestURI().getRawQuery()),
                ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestMethod(),
                ex.getRequestHeaders().getFirst("X-Moltbook-App-Key"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.json(500, "{\"error\":\"fake Moltbook: no scripted reply left\"}");
        }
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            ex.close();
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            out.write(reply.body());
        } catch (IOException clientGone) {
            // the client stopped reading (a cut body, a timeout): nothing more to send
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
