package io.moldtank.adapters.chain;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.ports.service.UrlPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * GETs on a winner's x402 endpoint (attacker-controlled), connected only to an address the SSRF guard
 * checked ({@link CheckedDns}); redirects are not followed and no proxy resolves the name for us.
 */
final class WinnerHttp {
    private final WebClient http;

    WinnerHttp(UrlPolicy urls) {
        http = WebClient.builder()
                .dnsResolver(new CheckedDns(urls))
                .proxy(Proxy.noProxy())
                .followRedirects(false)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .shareConnectionCache(false)
                .build();
    }

    /** Status, headers and body of the answer; refusals and I/O failures as {@link ChainFailure}s. */
    Reply get(URI uri, String header, String value) {
        HttpClientRequest req = http.get().uri(uri);
        if (header != null) {
            req.header(HeaderNames.create(header), value);
        }
        try (HttpClientResponse res = req.request()) {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            res.headers().forEach(h -> headers.putIfAbsent(h.name(), h.value()));
            String body = res.entity().hasEntity() ? res.as(String.class) : "";
            return new Reply(res.status().code(), Collections.unmodifiableMap(headers), body);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CheckedDns.Refused refused) {
                    throw ChainFailure.paymentRefused("x402 endpoint " + uri
                            + " refused by the SSRF guard at connect time: " + refused.getMessage());
                }
            }
            throw ChainFailure.unavailable("GET " + uri, e);
        }
    }

    /** An endpoint's answer; header names are case-insensitive, the first value of each is kept. */
    record Reply(int statusCode, Map<String, String> headers, String body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }
}
