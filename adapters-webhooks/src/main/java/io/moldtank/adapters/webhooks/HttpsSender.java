package io.moldtank.adapters.webhooks;

import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.moldtank.ports.out.webhook.WebhookSender;
import io.moldtank.ports.service.UrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * POSTs a delivery to an agent's URL (attacker-controlled). Every delivery opens a fresh connection (no
 * keep-alive), so the SSRF guard re-resolves and re-checks the host each time ({@link GuardedDns});
 * no proxy, no redirects (a 3xx is a failed try), at most {@code maxAnswer} bytes of the answer are read,
 * and the whole exchange is cut at {@code whole}: it runs on its own virtual thread, which is interrupted
 * when late (socket I/O on a virtual thread is interruptible).
 */
final class HttpsSender implements WebhookSender {
    record Limits(Duration connect, Duration whole, int maxAnswer) {
        static final Limits STANDARD = new Limits(Duration.ofSeconds(3), Duration.ofSeconds(10), 4096);
    }

    private final WebClient http;
    private final Limits limits;

    HttpsSender(UrlPolicy urls, Limits limits, SSLContext tls) {
        this.limits = limits;
        var builder = WebClient.builder()
                .dnsResolver(new GuardedDns(urls))
                .proxy(Proxy.noProxy())
                .followRedirects(false)
                .connectTimeout(limits.connect())
                .readTimeout(limits.whole())
                .shareConnectionCache(false);
        if (tls != null) {
            builder.tls(Tls.builder().sslContext(tls).build());
        }
        http = builder.build();
    }

    @Override
    public Reply post(String url, Map<String, String> headers, String body) {
        long start = System.nanoTime();
        CompletableFuture<Reply> answer = new CompletableFuture<>();
        Thread exchange = Thread.ofVirtual().name("webhook-post").start(() -> {
            try {
                answer.complete(exchange(url, headers, body, start));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(limits.whole().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.interrupt();
            return new Reply(0, millisSince(start), "no answer within " + limits.whole().toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.interrupt();
            Thread.currentThread().interrupt();
            return new Reply(0, millisSince(start), "interrupted");
        } catch (ExecutionException e) {
            return new Reply(0, millisSince(start), why(e.getCause()));
        }
    }

    private Reply exchange(String url, Map<String, String> headers, String body, long start) {
        HttpClientRequest req = http.post().uri(url).keepAlive(false);
        headers.forEach((name, value) -> req.header(HeaderNames.create(name), value));
        try (HttpClientResponse res = req.submit(body)) {
            int status = res.status().code();
            if (res.entity().hasEntity()) {
                drainAtMost(res.inputStream(), limits.maxAnswer());
            }
            String error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? "redirect not followed (HTTP " + status + ")"
                    : "HTTP " + status;
            return new Reply(status, millisSince(start), error);
        }
    }

    /** Reads and discards up to {@code max} bytes; how many were read. */
    static int drainAtMost(InputStream in, int max) {
        byte[] buf = new byte[Math.min(max, 4096)];
        int total = 0;
        try {
            while (total < max) {
                int n = in.read(buf, 0, Math.min(buf.length, max - total));
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (IOException e) {
            // the status already counts; a broken answer body does not change it
        }
        return total;
    }

    private static String why(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GuardedDns.Refused refused) {
                return "refused by the SSRF guard at connect time: " + refused.getMessage();
            }
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
