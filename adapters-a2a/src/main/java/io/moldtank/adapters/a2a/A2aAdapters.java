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
}
