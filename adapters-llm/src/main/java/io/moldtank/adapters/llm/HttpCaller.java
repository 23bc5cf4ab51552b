package io.moldtank.adapters.llm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One HTTP POST with a hard wall-clock limit. The JDK client's request timeout only covers the wait
 * for headers, so the whole exchange (headers and body) is also bounded here and cancelled past it.
 */
final class HttpCaller {
    private final HttpClient client;
    private final Duration timeout;

    HttpCaller(LlmValidators.Settings settings) {
        this.timeout = settings.timeout();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    sealed interface Call {
    }

    record Response(int status, String body, HttpHeaders headers) implements Call {
    }

    record TimedOut() implements Call {
    }

    record Unreachable(String why) implements Call {
    }

    Call post(URI uri, Consumer<HttpRequest.Builder> auth, String json) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        auth.accept(request);
        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Response(r.statusCode(), r.body(), r.headers());
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
