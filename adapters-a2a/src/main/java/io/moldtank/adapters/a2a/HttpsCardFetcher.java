package io.moldtank.adapters.a2a;

import io.helidon.common.tls.Tls;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.moldtank.ports.out.a2a.CardFetcher;
import io.moldtank.ports.service.UrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * GETs {@code <endpoint>/.well-known/agent-card.json}, and {@code /.well-known/agent.json} when the first
 * answers 404, from an agent-supplied base URL. As the webhook sender: a fresh connection to an address the
 * SSRF guard checked ({@link GuardedDns}), no proxy, no redirects, and the whole exchange cut at
 * {@code whole} on its own virtual thread. At most {@code maxCard} bytes are read: a longer card is refused.
 */
final class HttpsCardFetcher implements CardFetcher {
    static final String CARD = "/.well-known/agent-card.json";
    static final String LEGACY_CARD = "/.well-known/agent.json";

    record Limits(Duration connect, Duration whole, int maxCard) {
        static final Limits STANDARD = new Limits(Duration.ofSeconds(3), Duration.ofSeconds(10), 64 * 1024);
    }

    private final WebClient http;
    private final Limits limits;

    HttpsCardFetcher(UrlPolicy urls, Limits limits, SSLContext tls) {
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
    public Result fetch(String endpoint, String etag) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        Result first = withDeadline(base + CARD, etag);
        if (first instanceof Result.Failed f && f.reason().equals("HTTP 404")) {
            return withDeadline(base + LEGACY_CARD, etag);
        }
        return first;
    }

    private Result withDeadline(String url, String etag) {
        CompletableFuture<Result> answer = new CompletableFuture<>();
        Thread exchange = Thread.ofVirtual().name("a2a-card-fetch").start(() -> {
            try {
                answer.complete(get(url, etag));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(limits.whole().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.interrupt();
            return new Result.Failed("unreachable", "no answer within " + limits.whole().toSeconds() + " s");
        } catch (InterruptedException e) {
            exchange.interrupt();
            Thread.currentThread().interrupt();
            return new Result.Failed("unreachable", "interrupted");
        } catch (ExecutionException e) {
            return failure(e.getCause());
        }
    }

    private Result get(String url, String etag) {
        HttpClientRequest req = http.get().uri(url).keepAlive(false).header(HeaderNames.ACCEPT, "application/json");
        if (etag != null) {
            req.header(HeaderNames.IF_NONE_MATCH, etag);
        }
        try (HttpClientResponse res = req.request()) {
            int status = res.status().code();
            Duration maxAge = CacheControl.maxAge(res.headers().first(HeaderNames.CACHE_CONTROL).orElse(null));
            if (status == 304) {
                return new Result.NotModified(maxAge);
            }
            if (status >= 300 && status < 400) {
                return new Result.Failed("redirect", "redirect not followed (HTTP " + status + ")");
            }
            if (status != 200) {
                return new Result.Failed("http_error", "HTTP " + status);
            }
            byte[] body = readAtMost(res.inputStream(), limits.maxCard() + 1);
            if (body.length > limits.maxCard()) {
                return new Result.Failed("too_large", "the card is larger than " + limits.maxCard() + " bytes");
            }
            return switch (CardParser.parse(body)) {
                case CardParser.Parsed.Valid v -> new Result.Fresh(v.card(),
                        res.headers().first(HeaderNames.ETAG).orElse(null), maxAge);
                case CardParser.Parsed.Invalid i -> new Result.Failed("invalid", i.reason());
            };
        }
    }

    /** At most {@code max} bytes of the answer; the rest is never read. */
    static byte[] readAtMost(InputStream in, int max) {
        try {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new IllegalStateException("the card could not be read: " + e.getMessage(), e);
        }
    }

    private static Result failure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GuardedDns.Refused refused) {
                return new Result.Failed("refused", "refused by the SSRF guard: " + refused.getMessage());
            }
        }
        String message = failure.getMessage();
        return new Result.Failed("unreachable", failure.getClass().getSimpleName()
                + (message == null ? "" : ": " + message));
    }
}
