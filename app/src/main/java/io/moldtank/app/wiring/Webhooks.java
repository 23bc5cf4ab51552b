package io.moldtank.app.wiring;

import io.helidon.config.Config;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.adapters.webhooks.WebhookAdapters;
import io.moldtank.ports.in.webhook.WebhookUseCases;
import io.moldtank.ports.out.webhook.WebhookSender;
import io.moldtank.ports.out.webhook.WebhookStore;
import io.moldtank.ports.service.DeliveringWebhooks;
import io.moldtank.ports.service.KeepingWebhooks;
import io.moldtank.ports.service.OutboundUrlGuard;
import io.moldtank.ports.service.RegistryStorage;
import io.moldtank.ports.service.Storage;
import io.moldtank.ports.service.UrlPolicy;
import io.moldtank.ports.service.WebhookFanout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 §2: webhooks. Published events are fanned out to the parties' endpoints in the publishing
 * transaction; a thread drains the outbox every {@code moldtank.webhooks.interval}. Tries count in
 * {@code moldtank_webhook_deliveries_total{outcome}}, disabled endpoints in the gauge
 * {@code moldtank_webhook_endpoints_disabled} the alert rules watch.
 */
final class Webhooks implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);
    private static final List<String> OUTCOMES = List.of("delivered", "failed", "disabled");
    /** The live store: the gauge is registered once per JVM and must not read a closed wiring's. */
    private static final AtomicReference<WebhookStore> CURRENT = new AtomicReference<>();

    static {
        MeterRegistry registry = Metrics.globalRegistry();
        OUTCOMES.forEach(Webhooks::deliveries);
        registry.getOrCreate(Gauge.builder("moldtank.webhook.endpoints.disabled", () -> {
            WebhookStore live = CURRENT.get();
            return live == null ? 0 : live.disabledEndpoints();
        }).description("webhook endpoints disabled after their last retry failed (a replay re-enables)"));
    }

    private final SqlStorage storage;
    private final WebhookStore store;
    private final KeepingWebhooks keeping;
    private final PollingLoop loop;

    private Webhooks(SqlStorage storage, WebhookStore store, KeepingWebhooks keeping, DeliveringWebhooks delivering,
                     Duration interval) {
        this.storage = storage;
        this.store = store;
        this.keeping = keeping;
        this.loop = new PollingLoop("webhooks", delivering::deliverDue, interval);
    }

    /** Wired over the SQL storage; the delivery thread starts with {@link #start}. */
    static Webhooks wire(Config c, SqlStorage storage, Wiring wiring) {
        UrlPolicy strict = new OutboundUrlGuard(OutboundUrlGuard.SYSTEM_DNS);
        boolean loopback = c.get("allow-loopback-for-tests").asBoolean().orElse(false);
        UrlPolicy urls = loopback ? new LoopbackForTests(strict) : strict;
        var trust = c.get("trust-certificate-for-tests").asString().filter(s -> !s.isBlank());
        WebhookSender sender = trust.isPresent() ? WebhookAdapters.sender(urls, LoopbackForTests.trusting(trust.get()))
                : WebhookAdapters.sender(urls);
        if (loopback || trust.isPresent()) {
            LOG.atWarn().addKeyValue("event", "webhooks-test-mode")
                    .log("moldtank.webhooks test settings are on: loopback receivers and/or a test certificate are allowed");
        }
        WebhookStore store = storage.webhooks();
        var keeping = new KeepingWebhooks(store, storage, urls, wiring.clock(), wiring.ids(),
                KeepingWebhooks.randomSecrets(), c.get("rotation-overlap").as(Duration.class).orElse(Duration.ofHours(24)));
        var delivering = new DeliveringWebhooks(store, storage, sender, wiring.clock(),
                DeliveringWebhooks.Settings.STANDARD, outcome -> deliveries(outcome).increment());
        CURRENT.set(store);
        Duration interval = c.get("interval").as(Duration.class).orElse(Duration.ofSeconds(1));
        wiring.chose("webhooks", "delivered every " + interval + (loopback ? " (loopback allowed: tests only)" : ""));
        return new Webhooks(storage, store, keeping, delivering, interval);
    }

    /**
     * The test-only settings let agents reach this machine's ports (loopback) or spoof any receiver (a
     * trusted self-signed certificate): allowed on the mock chain and a local web3j node, never where the
     * money is real or public ({@code moldtank.chain.network} base or base-sepolia). {@code m}: moldtank.
     */
    static void refuseTestSettingsOnPublicChain(Config m) {
        String kind = m.get("chain.kind").asString().orElse("mock").toLowerCase(java.util.Locale.ROOT);
        String network = m.get("chain.network").asString().orElse("local").toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("web3j") || network.equals("local")) {
            return;
        }
        if (m.get("webhooks.allow-loopback-for-tests").asBoolean().orElse(false)) {
            throw new IllegalArgumentException("moldtank.webhooks.allow-loopback-for-tests is for tests only and"
                    + " refused on network " + network);
        }
        if (m.get("webhooks.trust-certificate-for-tests").asString().filter(s -> !s.isBlank()).isPresent()) {
            throw new IllegalArgumentException("moldtank.webhooks.trust-certificate-for-tests is for tests only and"
                    + " refused on network " + network);
        }
    }

    /** The storage ports with event publishing wrapped by the fanout. */
    Storage storage() {
        Storage s = Storage.of(storage);
        return new Storage(s.tx(), s.loadBounty(), s.saveBounty(), s.findBounties(), s.loadSubmission(),
                s.saveSubmission(), s.agents(), s.comments(), s.payouts(), fanout());
    }

    RegistryStorage registryStorage() {
        RegistryStorage r = RegistryStorage.of(storage);
        return new RegistryStorage(r.tx(), r.agents(), r.listings(), r.jobs(), r.reviews(), r.books(), fanout());
    }

    private WebhookFanout fanout() {
        return new WebhookFanout(storage, storage, storage, storage, storage, store);
    }

    WebhookUseCases useCases() {
        return keeping;
    }

    Webhooks start() {
        loop.start();
        return this;
    }

    private static Counter deliveries(String outcome) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.webhook.deliveries")
                .description("webhook delivery tries by outcome (disabled: the last try failed)")
                .tags(List.of(Metrics.tag("outcome", outcome))));
    }

    @Override
    public void close() throws InterruptedException {
        loop.close();
        CURRENT.compareAndSet(store, null);
    }
}
