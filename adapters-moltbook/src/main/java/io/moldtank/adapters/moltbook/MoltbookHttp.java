package io.moldtank.adapters.moltbook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One authenticated GET (or any request, {@link #send}) with a hard wall-clock limit and a capped body. The JDK client's request
 * timeout only covers the wait for headers, so the whole exchange is bounded here too. Redirects are
 * not followed: Moltbook's bare host redirects and the key must not travel anywhere else.
 */
final class MoltbookHttp {
    private final HttpClient client;
    private final String apiKey;
    private final Duration timeout;

    MoltbookHttp(String apiKey, Duration timeout) {
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    sealed interface Answer {
    }

    record Body(int status, HttpHeaders headers, byte[] bytes, boolean cut) implements Answer {
    }

    record TimedOut() implements Answer {
    }

    record Unreachable(String why) implements Answer {
    }

    Answer get(URI uri, int maxBodyBytes) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "MoldTank-scraper/0.1")
                .GET()
                .build();
        return send(request, maxBodyBytes);
    }

    /** Any request, with the same wall-clock limit and capped body (the caller sets its own credentials). */
    Answer send(HttpRequest request, int maxBodyBytes) throws InterruptedException {
        CompletableFuture<HttpResponse<CappedBody.Read>> exchange =
                client.sendAsync(request, info -> new CappedBody(maxBodyBytes));
        try {
            HttpResponse<CappedBody.Read> r = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Body(r.statusCode(), r.headers(), r.body().bytes(), r.body().cut());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new TimedOut();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new TimedOut();
            }
            String why = cause instanceof IOException && cause.getMessage() != null
                    ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                    : String.valueOf(cause);
            return new Unreachable(why);
        }
    }
}
