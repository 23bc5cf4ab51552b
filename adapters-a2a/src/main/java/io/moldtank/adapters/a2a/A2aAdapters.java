package io.moldtank.adapters.a2a;

import io.moldtank.ports.out.a2a.CardFetcher;
import io.moldtank.ports.service.UrlPolicy;
import javax.net.ssl.SSLContext;

/** The A2A adapter's one entry: the HTTPS fetcher of agent cards (64 KB, 3 s connect, 10 s whole). */
public final class A2aAdapters {
    private A2aAdapters() {
    }

    /** Connects only to addresses {@code urls} checked at fetch time; the platform's default trust. */
    public static CardFetcher fetcher(UrlPolicy urls) {
        return new HttpsCardFetcher(urls, HttpsCardFetcher.Limits.STANDARD, null);
    }

    /** Test wiring only: trusts {@code tls} (a loopback agent's self-signed certificate). */
    public static CardFetcher fetcher(UrlPolicy urls, SSLContext tls) {
        return new HttpsCardFetcher(urls, HttpsCardFetcher.Limits.STANDARD, tls);
    }

    /** Who signed a request (the API's AgentSig check, bridged by app), or the refusal's status, code and detail. */
    @FunctionalInterface
    public interface Signatures {
        Signer check(io.helidon.webserver.http.ServerRequest req, byte[] body);
    }

    public record Signer(io.moldtank.domain.agent.AgentId agent, int status, String code, String detail) {
    }

    /**
     * What MoldTank's own A2A side runs on. {@code cards} may be null (no agent then has a card of its own);
     * {@code publicUrl} (no trailing slash) may be null: each request's own Host is used.
     */
    public record Served(io.moldtank.ports.service.Core core, io.moldtank.ports.service.Registry registry,
                         io.moldtank.ports.in.a2a.AgentCardUseCases cards, Signatures signatures,
                         java.time.Clock clock, String version, String publicUrl) {
        public Served {
            java.util.Objects.requireNonNull(core, "core");
            java.util.Objects.requireNonNull(registry, "registry");
            java.util.Objects.requireNonNull(signatures, "signatures");
            java.util.Objects.requireNonNull(clock, "clock");
            java.util.Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Serves {@code /.well-known/agent-card.json}, {@code /api/v1/agents/{id}/agent-card.json} and the HTTP+JSON
     * interface under {@code /a2a/v1}. Register before the API's catch-all for unknown /api/v1 routes.
     */
    public static void serve(io.helidon.webserver.http.HttpRouting.Builder routing, Served parts) {
        routing.register(new A2aService(parts));
    }
}
