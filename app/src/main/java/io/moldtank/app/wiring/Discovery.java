package io.moldtank.app.wiring;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.moldtank.adapters.persistence.storage.SqlSearch;
import io.moldtank.adapters.persistence.storage.SqlStorage;
import io.moldtank.ports.in.reputation.ReputationUseCases;
import io.moldtank.ports.in.search.DiscoveryUseCases;
import io.moldtank.ports.service.Discovering;
import java.util.List;

/**
 * Issue 14 §5: discovery by text. On PostgreSQL the database matches and ranks (tsvector, GIN,
 * websearch_to_tsquery, ts_rank); on the embedded H2 file SQL filters and the in-process matcher ranks,
 * with the same answers. Queries count in {@code moldtank_discovery_queries_total{target,sort,text}}.
 */
final class Discovery {
    private Discovery() {
    }

    static DiscoveryUseCases wire(SqlStorage storage, ReputationUseCases reputation, boolean postgres, Wiring wiring) {
        SqlSearch search = storage.search();
        wiring.chose("discovery", postgres ? "postgres full text (tsvector, GIN, websearch_to_tsquery, ts_rank)"
                : "h2 filters + in-process matcher (PostgreSQL's rules)");
        return new Discovering(search, search, reputation.neutralScore(),
                (target, sort, text) -> queries(target, sort, text).increment());
    }

    private static Counter queries(String target, String sort, boolean text) {
        return Metrics.globalRegistry().getOrCreate(Counter.builder("moldtank.discovery.queries")
                .description("discovery and bounty-search queries answered, by target, order and whether a text was given")
                .tags(List.of(Metrics.tag("target", target), Metrics.tag("sort", sort),
                        Metrics.tag("text", Boolean.toString(text)))));
    }
}
