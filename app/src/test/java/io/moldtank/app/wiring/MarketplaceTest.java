package io.moldtank.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.AgentProfile;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.agent.RegisterAgentCommand;
import io.moldtank.ports.in.bounty.CancelBountyCommand;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.bounty.RequestDepositCommand;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.guard.IdempotencyStore;
import io.moldtank.ports.out.queue.QueueUnavailableException;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.testing.RequiredServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class MarketplaceTest {

    private static Config config(Map<String, String> values) {
        return Config.builder().addSource(ConfigSources.create(values)).disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().build();
    }

    private static void close(Wiring wiring) {
        for (Wiring.OwnedResource r : wiring.resourcesInCloseOrder()) {
            try {
                r.resource().close();
            } catch (Exception e) {
                throw new IllegalStateException(r.name(), e);
            }
        }
    }

    @Test
    void the_embedded_default_keeps_its_data_across_restarts(@TempDir Path dir) {
        Config config = config(Map.of("moldtank.storage.h2.file", dir.resolve("db").toString()));
        Wiring first = Wiring.withSystemDefaults();
        Core core = Marketplace.wire(config, first);
        var agent = core.agents().register(new RegisterAgentCommand(new WalletAddress("0x" + "12".repeat(20)),
                new AgentProfile("solver", "", null, null))).orThrow();
        assertThat(first.choices()).containsEntry("queue", "storage").containsKey("storage");
        var registry = first.find(io.moldtank.ports.service.Registry.class).orElseThrow();
        var listing = registry.listings().create(new io.moldtank.ports.in.listing.CreateListingCommand(agent.id(),
                "Code review", "", io.moldtank.domain.money.Usdc.parse("3"), java.util.Set.of("review"))).orThrow();
        close(first);

        Wiring second = Wiring.withSystemDefaults();
        Core again = Marketplace.wire(config, second);
        assertThat(again.agents().agent(agent.id()).orThrow().wallet()).isEqualTo(agent.wallet());
        var registryAgain = second.find(io.moldtank.ports.service.Registry.class).orElseThrow();
        assertThat(registryAgain.listings().discover(new io.moldtank.ports.out.storage.ListingQuery(null, null, null, 10))
                .items()).extracting(l -> l.id()).containsExactly(listing.id());
        assertThat(second.readinessChecks()).isNotEmpty();
        close(second);
    }

    @Test
    void with_redis_guards_two_nodes_share_idempotency_keys(@TempDir Path dir) {
        String redisUri = RequiredServer.env("MOLDTANK_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        String prefix = "mt-test:{marketplace-" + UUID.randomUUID() + "}";
        Function<String, Config> node = db -> config(Map.of("moldtank.storage.h2.file", dir.resolve(db).toString(),
                "moldtank.guard.kind", "redis", "moldtank.redis.uri", redisUri, "moldtank.redis.prefix", prefix));
        Wiring first = Wiring.withSystemDefaults();
        Wiring second = Wiring.withSystemDefaults();
        try {
            try {
                Marketplace.wire(node.apply("first"), first);
            } catch (QueueUnavailableException e) {
                throw RequiredServer.unavailable("Redis", redisUri, "redis-server --daemonize yes", e);
            }
            Marketplace.wire(node.apply("second"), second);
            IdempotencyStore a = first.find(Marketplace.Guards.class).orElseThrow().idempotency();
            IdempotencyStore b = second.find(Marketplace.Guards.class).orElseThrow().idempotency();
            String key = "idem:agent:" + UUID.randomUUID();
            assertThat(a.claim(key, "f", Duration.ofMinutes(1))).isInstanceOf(IdempotencyStore.Claim.Fresh.class);
            assertThat(b.claim(key, "f", Duration.ofMinutes(1))).isInstanceOf(IdempotencyStore.Claim.InFlight.class);
            a.release(key);
            assertThat(first.choices()).containsEntry("nonces-rate-limits-and-idempotency", "redis");
        } finally {
            close(first);
            close(second);
        }
    }

    @Test
    void a_bountys_event_stream_replays_across_restarts_with_the_same_ids(@TempDir Path dir) {
        // a judge is configured only so that a bounty can be posted; nothing is submitted, so it is never called
        Config config = config(Map.of("moldtank.storage.h2.file", dir.resolve("db").toString(),
                "moldtank.validators.0.kind", "openai-compatible",
                "moldtank.validators.0.base-url", "http://127.0.0.1:9", "moldtank.validators.0.model", "unused"));
        Wiring first = Wiring.withSystemDefaults();
        Core core = Marketplace.wire(config, first);
        AgentId poster = core.agents().register(new RegisterAgentCommand(new WalletAddress("0x" + "34".repeat(20)),
                new AgentProfile("poster", "", null, null))).orThrow().id();
        BountyId bounty = core.posting().post(new PostBountyCommand(poster, new BountyTerms("Replay me", "Any text.",
                Usdc.parse("5"), Instant.now().plus(Duration.ofDays(1)), Set.of("demo"),
                new Acceptance.Rubric("says hello"), QuorumPolicy.ONE_OF_ONE))).orThrow().id();
        core.funding().requestDeposit(new RequestDepositCommand(poster, bounty)).orThrow();
        List<EventFeed.Entry> before = first.find(EventFeed.class).orElseThrow().eventsOf(bounty, 0, 100);
        assertThat(before).isNotEmpty();
        close(first);

        Wiring second = Wiring.withSystemDefaults();
        Core again = Marketplace.wire(config, second);
        EventFeed feed = second.find(EventFeed.class).orElseThrow();
        assertThat(feed.eventsOf(bounty, 0, 100)).as("replayed from the H2 file").isEqualTo(before);
        List<EventFeed.Entry> live = new CopyOnWriteArrayList<>();
        feed.subscribe(live::add);
        again.posting().cancel(new CancelBountyCommand(poster, bounty)).orThrow();
        long lastBefore = before.get(before.size() - 1).id();
        assertThat(live).isNotEmpty().allMatch(e -> e.id() > lastBefore, "numbered after the earlier events");
        assertThat(feed.eventsOf(bounty, lastBefore, 100)).isEqualTo(live);
        close(second);
    }

    @Test
    void an_unknown_adapter_name_is_refused_with_the_choices(@TempDir Path dir) {
        Wiring wiring = Wiring.withSystemDefaults();
        assertThatThrownBy(() -> Marketplace.wire(config(Map.of("moldtank.storage.h2.file", dir.resolve("db").toString(),
                "moldtank.queue.kind", "kafka")), wiring)).hasMessageContaining("storage, redis or memory");
        close(wiring);
    }

    @Test
    void a_web3j_chain_without_its_node_settings_is_refused_by_name(@TempDir Path dir) {
        Wiring wiring = Wiring.withSystemDefaults();
        assertThatThrownBy(() -> Marketplace.wire(config(Map.of("moldtank.storage.h2.file", dir.resolve("db").toString(),
                "moldtank.chain.kind", "web3j")), wiring)).hasMessageContaining("moldtank.chain.rpc-url is required");
        close(wiring);
    }

    @Test
    void a_web3j_treasury_key_that_is_malformed_or_reuses_the_qa_key_is_refused_by_name_before_connecting(
            @TempDir Path dir) {
        String qaKey = "0x" + "11".repeat(32);
        Map<String, String> web3j = Map.of("moldtank.storage.h2.file", dir.resolve("db").toString(),
                "moldtank.chain.kind", "web3j", "moldtank.chain.rpc-url", "http://127.0.0.1:1",
                "moldtank.chain.escrow", "0x" + "22".repeat(20), "moldtank.chain.usdc", "0x" + "33".repeat(20),
                "moldtank.chain.qa-key", qaKey);
        for (var bad : Map.of("not-a-key", "must be 32 bytes of hex", qaKey.toUpperCase().replace("0X", ""),
                "must differ from qa-key").entrySet()) {
            Map<String, String> settings = new java.util.HashMap<>(web3j);
            settings.put("moldtank.chain.treasury-key", bad.getKey());
            Wiring wiring = Wiring.withSystemDefaults();
            // Port 1 has no node: reaching it would fail with NODE_UNAVAILABLE instead of naming the key.
            assertThatThrownBy(() -> Marketplace.wire(config(settings), wiring))
                    .hasMessageContaining("moldtank.chain.treasury-key " + bad.getValue());
            close(wiring);
        }
    }
}
