package io.moldtank.app.scraper;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Moltbook's GET /posts on loopback, one page of posts as its API answers them, for the main job's scraper. */
public final class FakeMoltbook implements AutoCloseable {
    public static final String KEY = "moltbook_sk_scraper_test_key_0123456789";

    public record Post(String id, String title, String content, int upvotes, int comments, Instant createdAt) {
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    public final AtomicInteger requests = new AtomicInteger();
    /** While set, a page is answered only after a minute: the scraper is "mid-run" for as long as a test needs. */
    public final java.util.concurrent.atomic.AtomicBoolean stall = new java.util.concurrent.atomic.AtomicBoolean();
    final AtomicInteger unauthorized = new AtomicInteger();

    public FakeMoltbook() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/posts", exchange -> {
            requests.incrementAndGet();
            if (stall.get()) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized.incrementAndGet();
            }
            byte[] body = page().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public void add(Post p) {
        posts.add(p);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** Newest first, the wrapped shape, author null as it was for months, no cursor: the last page. */
    private String page() {
        StringBuilder b = new StringBuilder("{\"success\":true,\"posts\":[");
        List<Post> newest = posts.stream().sorted((x, y) -> y.createdAt().compareTo(x.createdAt())).toList();
        for (int i = 0; i < newest.size(); i++) {
            Post p = newest.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(p.id()).append("\",\"title\":\"").append(p.title())
                    .append("\",\"content\":\"").append(p.content()).append("\",\"upvotes\":").append(p.upvotes())
                    .append(",\"downvotes\":0,\"comment_count\":").append(p.comments())
                    .append(",\"submolt\":{\"name\":\"builders\"},\"author\":null,\"is_pinned\":false,")
                    .append("\"is_deleted\":false,\"created_at\":\"").append(p.createdAt()).append("\"}");
        }
        return b.append("]}").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
