package io.moldtank.adapters.http;

import io.helidon.webserver.http.HttpRouting;
import io.moldtank.domain.job.JobRefusal;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.review.Review;
import io.moldtank.domain.shared.Reason;
import io.moldtank.ports.in.a2a.AgentCardUseCases;
import io.moldtank.ports.in.agent.GetAgentQuery;
import io.moldtank.ports.in.job.JobCheckUseCases;
import io.moldtank.ports.in.search.DiscoveryUseCases;
import io.moldtank.ports.service.Registry;
import java.util.Set;

/** Registers the agent registry's routes (seed 003) and says which of its refusals mean "not yours". */
final class RegistryRoutes {
    /** Listing discovery spends from the discovery bucket, like listing bounties. */
    static final String DISCOVER = "/api/v1/discover";

    /** 403 rather than 409: the caller may never make this move, whatever the job's state. */
    static final Set<Reason> FORBIDDEN = Set.of(Listing.Refusal.NOT_SELLER, JobRefusal.NOT_A_PARTY,
            JobRefusal.WRONG_PARTY, JobRefusal.CLIENT_IS_SELLER, Review.Refusal.REVIEW_NOT_A_PARTY);

    private RegistryRoutes() {
    }

    static void register(HttpRouting.Builder routing, Registry registry, GetAgentQuery agents, Authenticator auth,
                         Idempotency idempotency, RouteTable table, AgentCardUseCases cards, Waits waits,
                         JobCheckUseCases checks, DiscoveryUseCases discovery) {
        routing.register(ListingsService.PATH, new ListingsService(registry.listings(), auth, idempotency, table,
                        cards, discovery))
                .register(JobsService.PATH, new JobsService(registry.jobs(), registry.reviews(), agents, auth,
                        idempotency, table, waits, checks))
                .register(WalletService.PATH, new WalletService(registry.wallets(), registry.jobs(), auth,
                        idempotency, table));
    }
}
