package io.moldtank.app;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.app.wiring.AgentInterop;
import io.moldtank.adapters.http.console.Console;
import io.moldtank.app.wiring.Marketplace;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.service.Core;
import io.helidon.webserver.websocket.WsRouting;
import io.moldtank.app.wiring.Wiring;

import java.time.Duration;

/**
 * The one place that assembles the web server; {@link Main} and the tests both use it.
 *
 * <ul>
 *   <li>{@code /observe/health}, {@code /observe/health/live}, {@code /observe/health/ready}: JSON,
 *       200 when up, 503 when down; readiness includes every check added to the {@link Wiring};</li>
 *   <li>{@code /observe/metrics}: Prometheus text (send {@code Accept: text/plain}).</li>
 * </ul>
 */
public final class MoldTankServer {

    /** Where the observability endpoints live (Helidon's default). */
    public static final String OBSERVE_ROOT = "/observe";

    private MoldTankServer() {
    }

    /** Wires from configuration, starts the server and returns the running application. */
    public static MoldTankApp start(Config config) {
        Profile profile = Profile.check(config); // before anything opens: a refused profile touches nothing
        Wiring wiring = Wiring.withSystemDefaults();
        wiring.chose("profile", profile.name().toLowerCase(java.util.Locale.ROOT));
        try {
            Marketplace.wire(config, wiring);
        } catch (RuntimeException e) {
            new MoldTankApp(null, wiring, Duration.ofSeconds(10)).shutdown();
            throw e;
        }
        return start(config, wiring);
    }

    /** Starts the server over an already wired application; stops what was wired if start fails. */
    public static MoldTankApp start(Config config, Wiring wiring) {
        Duration shutdownTimeout = config.get("moldtank.shutdown.timeout").as(Duration.class)
                .orElse(Duration.ofSeconds(10));
        WebServerConfig.Builder builder = WebServer.builder();
        setup(builder, config, wiring);
        WebServer server = builder.build();
        MoldTankApp app = new MoldTankApp(server, wiring, shutdownTimeout);
        try {
            server.start();
        } catch (RuntimeException e) {
            app.shutdown();
            throw e;
        }
        if (!server.isRunning()) {
            // Helidon logs a bind failure and returns instead of throwing.
            app.shutdown();
            throw new IllegalStateException("the HTTP server did not start (is port "
                    + config.get("server.port").asString().orElse("?") + " free?)");
        }
        app.logStarted();
        return app;
    }

    /**
     * Applies the {@code server} configuration node, the observability feature and the routing.
     * Tests call this from {@code @SetUpServer} and may then override the port.
     */
    public static void setup(WebServerConfig.Builder server, Config config, Wiring wiring) {
        BuildInfo.register(BuildInfo.version());
        server.config(config.get("server"))
                // MoldTankApp owns the shutdown hook: it stops the server, then closes resources.
                .shutdownHook(false)
                // Features are listed here, not discovered, so what runs is what this file says.
                .featuresDiscoverServices(false)
                // Requests refused before routing get problem+json too, not Helidon's text/plain.
                .directHandlers(HttpAdapters.connectionProblems())
                .addFeature(observe(wiring))
                .routing(routing -> routing(routing, wiring));
        // the streams are the API's: a node without the api role serves health and metrics only
        var core = wiring.find(HttpAdapters.Api.class).flatMap(api -> wiring.find(Core.class));
        var feed = wiring.find(EventFeed.class);
        if (core.isPresent() && feed.isPresent()) {
            WsRouting.Builder ws = WsRouting.builder();
            HttpAdapters.registerStreams(ws, core.get(), feed.get(), wiring.clock(), Duration.ofSeconds(15));
            server.addRouting(ws);
        }
    }

    /**
     * Application routes: the agent API (/api/v1, /skill.md) over the wired core, when one is wired, and
     * the operator console (/console) when an operator token is set;
     * tests that call this get the same routes.
     */
    public static void routing(HttpRouting.Builder routing, Wiring wiring) {
        wiring.find(HttpAdapters.Api.class).ifPresent(api -> {
            AgentInterop.register(routing, api, BuildInfo.version()); // MCP at /mcp, MoldTank's A2A card
            HttpAdapters.register(routing, api);
        });
        wiring.find(Console.Parts.class).ifPresent(parts -> Console.register(routing, parts));
    }

    static ObserveFeature observe(Wiring wiring) {
        HealthObserver health = HealthObserver.builder()
                .details(true)
                .useSystemServices(false)
                .addChecks(wiring.readinessChecks().toArray(io.helidon.health.HealthCheck[]::new))
                .build();
        return ObserveFeature.builder()
                .endpoint(OBSERVE_ROOT)
                .addObserver(health)
                .addObserver(MetricsObserver.create())
                .build();
    }
}
