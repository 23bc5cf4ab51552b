package io.moldtank.adapters.webhooks;

import io.moldtank.ports.out.webhook.WebhookSender;
import io.moldtank.ports.service.UrlPolicy;
import javax.net.ssl.SSLContext;

/** The webhooks adapter's one entry: the HTTPS sender of signed deliveries. */
public final class WebhookAdapters {
    private WebhookAdapters() {
    }

    /** Connects only to addresses {@code urls} checked at delivery time; the platform's default trust. */
    public static WebhookSender sender(UrlPolicy urls) {
        return new HttpsSender(urls, HttpsSender.Limits.STANDARD, null);
    }

    /** Test wiring only: trusts {@code tls} (a loopback receiver's self-signed certificate). */
    public static WebhookSender sender(UrlPolicy urls, SSLContext tls) {
        return new HttpsSender(urls, HttpsSender.Limits.STANDARD, tls);
    }
}
