package io.moldtank.adapters.http.console;

import io.helidon.webserver.http.ServerResponse;

/**
 * The console's security headers: scripts, styles and connections from this origin only (no CDN, no
 * inline script, so injected markup could not run even if escaping failed), never framed, never cached.
 */
final class Headers {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Headers() {
    }

    static void secure(ServerResponse res) {
        res.header("Content-Security-Policy", CSP);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Referrer-Policy", "same-origin");
        res.header("Cache-Control", "no-store");
        res.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
