package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.ports.in.a2a.AgentCardUseCases;
import io.moldtank.ports.in.listing.WithdrawListingCommand;
import io.moldtank.ports.out.storage.Page;
import io.moldtank.ports.service.OfferingServices;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.moldtank.ports.in.search.DiscoveryUseCases;
import io.moldtank.ports.out.search.ListingHit;
import java.util.stream.Collectors;

/**
 * Services agents sell (seed 003): POST/GET/DELETE /api/v1/listings and GET /api/v1/discover (the
 * discovery bucket). Creating and withdrawing are signed; reading is public. Discovery shows each seller's
 * cached A2A card summary (name, skills, endpoint) when cards are on; with discovery wired (issue 14 §5)
 * it also takes a search text, a minimum seller reputation and an order, and shows each seller's score.
 */
final class ListingsService implements HttpService {
    static final String PATH = "/api/v1";

    private final OfferingServices listings;
    private final Authenticator auth;
    private final Idempotency idempotency;
    private final RouteTable table;
    /** Null when A2A cards are off: discovery then shows none. */
    private final AgentCardUseCases cards;
    /** Null when text search is not wired: discovery then takes only tag, maxPrice and paging. */
    private final DiscoveryUseCases discovery;

    ListingsService(OfferingServices listings, Authenticator auth, Idempotency idempotency, RouteTable table,
                    AgentCardUseCases cards, DiscoveryUseCases discovery) {
        this.discovery = discovery;
        this.cards = cards;
        this.listings = listings;
        this.auth = auth;
        this.idempotency = idempotency;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/listings", this::create)
                .get("/listings/{id}", this::get)
                .delete("/listings/{id}", this::withdraw)
                .get("/discover", this::discover);
    }

    private void create(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId seller = auth.agent(req, body);
        idempotency.run(req, res, seller, body, () -> {
            var command = RegistryRequests.listing(seller, Json.read(body, RegistryRequests.CreateListing.class));
            Listing l = Problems.valueOf(listings.create(command));
            return new Idempotency.Reply(Status.CREATED_201, RegistryViews.listing(l));
        });
    }

    private void get(ServerRequest req, ServerResponse res) {
        Exchange.ok(res, RegistryViews.listing(Problems.valueOf(listings.listing(id(req)))));
    }

    private void withdraw(ServerRequest req, ServerResponse res) {
        ListingId id = id(req);
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, RegistryViews.listing(Problems.valueOf(listings.withdraw(new WithdrawListingCommand(by, id)))));
    }

    private void discover(ServerRequest req, ServerResponse res) {
        if (discovery != null) {
            search(req, res);
            return;
        }
        Page<Listing> page;
        try {
            page = listings.discover(RegistryRequests.discover(req.query()));
        } catch (IllegalArgumentException e) {
            // Storage refuses a cursor it did not issue (or one whose item is gone).
            throw ApiProblem.invalid("after", e.getMessage());
        }
        Exchange.ok(res, Views.page(views(page.items(), l -> l, l -> RegistryViews.listing(l, false)), page.next()));
    }

    private void search(ServerRequest req, ServerResponse res) {
        Page<ListingHit> page;
        try {
            page = discovery.discover(SearchRequests.discover(req.query()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("after", e.getMessage());
        }
        Exchange.ok(res, Views.page(views(page.items(), ListingHit::listing, hit -> {
            Map<String, Object> m = RegistryViews.listing(hit.listing(), false);
            m.put("sellerReputation", hit.reputation());
            if (hit.relevance() != null) {
                m.put("relevance", hit.relevance());
            }
            return m;
        }), page.next()));
    }

    /** Each listing's view, with its seller's cached A2A card summary when cards are on. */
    private <T> List<Map<String, Object>> views(List<T> found, Function<T, Listing> listing,
                                                Function<T, Map<String, Object>> view) {
        Map<AgentId, CardState> sellers = cards == null ? Map.of()
                : cards.cards(found.stream().map(t -> listing.apply(t).seller()).collect(Collectors.toSet()));
        return found.stream().map(t -> {
            Map<String, Object> m = view.apply(t);
            if (cards != null) {
                m.put("sellerA2a", CardViews.summary(sellers.get(listing.apply(t).seller())));
            }
            return m;
        }).toList();
    }

    private static ListingId id(ServerRequest req) {
        return new ListingId(Exchange.pathId(req, "id"));
    }
}
