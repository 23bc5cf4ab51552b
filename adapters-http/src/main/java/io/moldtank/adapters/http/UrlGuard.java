package io.moldtank.adapters.http;

import io.moldtank.ports.service.OutboundUrlGuard;

/** The platform's SSRF guard ({@link OutboundUrlGuard}) answering in problem+json for request fields. */
final class UrlGuard {
    static final OutboundUrlGuard.Resolver SYSTEM_DNS = OutboundUrlGuard.SYSTEM_DNS;

    private final OutboundUrlGuard guard;

    UrlGuard(OutboundUrlGuard.Resolver dns) {
        this.guard = new OutboundUrlGuard(dns);
    }

    /** Refuses an unsafe URL with a 400 naming {@code field}; null means "no URL" and passes. */
    void check(String field, String url) {
        if (url == null) {
            return;
        }
        String why = guard.refusal(url);
        if (why != null) {
            throw ApiProblem.invalid(field, why);
        }
    }

    String refusal(String url) {
        return guard.refusal(url);
    }
}
