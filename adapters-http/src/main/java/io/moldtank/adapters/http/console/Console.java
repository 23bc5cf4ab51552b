package io.moldtank.adapters.http.console;

import io.helidon.webserver.http.HttpRouting;
import io.moldtank.adapters.http.HttpAdapters;
import io.moldtank.ports.in.money.MoneyReportQuery;
import io.moldtank.ports.in.reconciliation.ReconciliationUseCases;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.guard.RateLimiter;
import io.moldtank.ports.out.storage.OperatorAudit;
import io.moldtank.ports.service.Core;
import io.moldtank.ports.service.ModeratingAgents;
import io.moldtank.ports.service.Registry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The operator console at /console: server-rendered pages over the same use cases as /api/v1/admin,
 * signed in with the operator token. The console's one public entry; the app registers it when an
 * operator token is configured.
 */
public final class Console {
    public static final String PATH = "/console";

    private Console() {
    }

    /**
     * What the pages read and act on. {@code reconciliation}, {@code scraper} and {@code money} may be
     * null (those sections then say the capability is off); the rest is required.
     */
    public record Parts(HttpAdapters.Operator operator, Core core, Registry registry, ModeratingAgents agents,
                        OperatorAudit audit, RateLimiter limiter, Clock clock, ReconciliationUseCases reconciliation,
                        HttpAdapters.Scraper scraper, MoneyReportQuery money, EventFeed feed,
                        Duration sessionLifetime) {
        public Parts {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(core, "core");
            Objects.requireNonNull(agents, "agents");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(limiter, "limiter");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(feed, "feed");
            sessionLifetime = sessionLifetime == null ? Duration.ofHours(8) : sessionLifetime;
        }
    }

    public static void register(HttpRouting.Builder routing, Parts parts) {
        ConsoleService service = new ConsoleService(parts, new Sessions(parts.clock(), parts.sessionLifetime()));
        routing.register(PATH, service);
    }
}
