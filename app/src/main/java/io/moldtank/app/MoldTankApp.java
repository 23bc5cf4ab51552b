package io.moldtank.app;

import io.helidon.webserver.WebServer;
import io.moldtank.app.wiring.Wiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started MoldTank: the web server plus everything wired into it. */
public final class MoldTankApp {

    private static final Logger LOG = LoggerFactory.getLogger(MoldTankApp.class);

    private final WebServer server;
    private final Wiring wiring;
    private final Duration shutdownTimeout;
    private final AtomicBoolean stopped = new AtomicBoolean();

    MoldTankApp(WebServer server, Wiring wiring, Duration shutdownTimeout) {
        this.server = server;
        this.wiring = wiring;
        this.shutdownTimeout = shutdownTimeout;
    }

    public int port() {
        return server.port();
    }

    public Wiring wiring() {
        return wiring;
    }

    void logStarted() {
        LOG.atInfo()
                .addKeyValue("port", server.port())
                .addKeyValue("adapters", wiring.choices())
                .addKeyValue("version", BuildInfo.version())
                .log("app started");
    }

    /**
     * Stops the server, then closes wired resources in reverse order, within the configured
     * timeout. Safe to call more than once (the shutdown hook and a test may both call it).
     */
    public void shutdown() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        LOG.atInfo().addKeyValue("timeoutMs", shutdownTimeout.toMillis()).log("shutdown started");
        List<GracefulShutdown.Step> steps = new ArrayList<>();
        steps.add(new GracefulShutdown.Step("http-server", () -> {
            if (server != null && server.isRunning()) {
                server.stop();
            }
        }));
        for (Wiring.OwnedResource resource : wiring.resourcesInCloseOrder()) {
            steps.add(new GracefulShutdown.Step(resource.name(), resource.resource()));
        }
        GracefulShutdown.Outcome outcome = GracefulShutdown.run(steps, shutdownTimeout);
        LOG.atInfo()
                .addKeyValue("closed", outcome.closed())
                .addKeyValue("failed", outcome.failed())
                .addKeyValue("timedOut", outcome.timedOut())
                .addKeyValue("tookMs", outcome.took().toMillis())
                .log(outcome.clean() ? "shutdown complete" : "shutdown finished with problems");
    }
}
