package io.moldtank.adapters.a2a;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.job.JobId;
import io.moldtank.domain.listing.Listing;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.bounty.PostBountyCommand;
import io.moldtank.ports.in.job.JobMove;
import io.moldtank.ports.out.storage.ListingQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * MoldTank as an A2A agent: its card, the generated cards of agents without their own, and the HTTP+JSON
 * interface: {@code message:send} posts a bounty (AgentSig-signed; the data part is the bounty) and
 * {@code tasks/{id}} answers the bounty's or job's task. Cards carry an ETag and a max-age.
 */
final class A2aService implements HttpService {
    static final String CARD = "/.well-known/agent-card.json";
    static final String INTERFACE = "/a2a/v1";
    static final String AGENT_CARD = "/api/v1/agents/{id}/agent-card.json";
    /** Listings read for one agent's card: discovery has no seller filter, so it is paged, within this bound. */
    static final int MAX_LISTINGS_SCANNED = 1000;
    static final int MAX_BODY = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final A2aAdapters.Served parts;

    A2aService(A2aAdapters.Served parts) {
        this.parts = parts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(CARD, (req, res) -> card(req, res, OwnCards.platform(base(req), parts.version())))
                .get(AGENT_CARD, this::agentCard)
                .post(INTERFACE + "/message:send", this::send)
                .get(INTERFACE + "/tasks/{id}", this::task);
    }

    private void agentCard(ServerRequest req, ServerResponse res) {
        UUID id = uuid(req, res);
        if (id == null) {
            return;
        }
        AgentId agentId = new AgentId(id);
        if (!(parts.core().agents().agent(agentId) instanceof Outcome.Done<Agent> found)) {
            problem(res, Status.NOT_FOUND_404, "not-found", "agent " + id + " does not exist");
            return;
        }
        if (parts.cards() != null && parts.cards().card(agentId).isPresent()) {
            problem(res, Status.NOT_FOUND_404, "not-found", "agent " + id + " serves its own A2A card at "
                    + parts.cards().card(agentId).get().endpoint());
            return;
        }
        card(req, res, OwnCards.agent(found.value(), listingsOf(agentId), base(req), parts.version()));
    }

    private List<Listing> listingsOf(AgentId seller) {
        List<Listing> mine = new ArrayList<>();
        String after = null;
        for (int read = 0; read < MAX_LISTINGS_SCANNED; read += 100) {
            var page = parts.registry().listings().discover(new ListingQuery(null, null, after, 100));
            page.items().stream().filter(l -> l.seller().equals(seller)).forEach(mine::add);
            if (page.next() == null) {
                break;
            }
            after = page.next();
        }
        return mine;
    }

    private void send(ServerRequest req, ServerResponse res) {
        byte[] body = body(req);
        if (body == null) {
            problem(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "body-too-large", "at most " + MAX_BODY + " bytes");
            return;
        }
        A2aAdapters.Signer signer = parts.signatures().check(req, body);
        if (signer.agent() == null) {
            problem(res, Status.create(signer.status()), signer.code(), signer.detail());
            return;
        }
        JsonNode data;
        try {
            data = A2aMessages.bountyPart(JSON.readTree(body));
        } catch (IOException | IllegalArgumentException e) {
            problem(res, Status.BAD_REQUEST_400, "invalid-input", e.getMessage());
            return;
        }
        try {
            var posted = parts.core().posting().post(new PostBountyCommand(signer.agent(),
                    A2aMessages.terms(data, parts.clock())));
            switch (posted) {
                case Outcome.Done<?> d -> json(res, Status.OK_200, Map.of("task",
                        Tasks.of((io.moldtank.domain.bounty.BountySnapshot) d.value())));
                case Outcome.NotFound<?> n -> problem(res, Status.NOT_FOUND_404, "not-found", n.what() + " " + n.id());
                case Outcome.Refused<?> r -> problem(res, Status.CONFLICT_409, r.reason().code(), r.detail());
            }
        } catch (IllegalArgumentException e) {
            problem(res, Status.BAD_REQUEST_400, "invalid-input", e.getMessage());
        }
    }

    /** A bounty's task for anyone (bounties are public); a job's only for its two parties, signed. */
    private void task(ServerRequest req, ServerResponse res) {
        UUID id = uuid(req, res);
        if (id == null) {
            return;
        }
        if (parts.core().browsing().bounty(new BountyId(id)) instanceof Outcome.Done<?> b) {
            json(res, Status.OK_200, Tasks.of((io.moldtank.domain.bounty.BountySnapshot) b.value()));
            return;
        }
        if (req.headers().contains(HeaderNames.AUTHORIZATION)) {
            A2aAdapters.Signer signer = parts.signatures().check(req, new byte[0]);
            if (signer.agent() == null) {
                problem(res, Status.create(signer.status()), signer.code(), signer.detail());
                return;
            }
            if (parts.registry().jobs().job(new JobMove(signer.agent(), new JobId(id))) instanceof Outcome.Done<?> j) {
                json(res, Status.OK_200, Tasks.of((io.moldtank.ports.in.job.JobView) j.value()));
                return;
            }
        }
        problem(res, Status.NOT_FOUND_404, "not-found", "task " + id + " does not exist (a job's task needs its "
                + "party's AgentSig)");
    }

    /** Cards are public and cacheable: an ETag over their bytes, 304 for a matching If-None-Match. */
    private static void card(ServerRequest req, ServerResponse res, Map<String, Object> card) {
        byte[] bytes = write(card);
        String etag = "\"" + sha256(bytes).substring(0, 32) + "\"";
        res.header(HeaderNames.ETAG, etag);
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        if (req.headers().first(HeaderNames.IF_NONE_MATCH).map(v -> v.contains(etag)).orElse(false)) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(bytes);
    }

    /** The configured public URL, else this request's own scheme and Host (fine behind no proxy, and in tests). */
    private String base(ServerRequest req) {
        if (parts.publicUrl() != null) {
            return parts.publicUrl();
        }
        String host = req.headers().first(HeaderNames.HOST).orElse("localhost");
        return (req.isSecure() ? "https://" : "http://") + host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", "");
    }

    private static UUID uuid(ServerRequest req, ServerResponse res) {
        String text = req.path().pathParameters().get("id");
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        problem(res, Status.BAD_REQUEST_400, "invalid-input", "id must be a UUID");
        return null;
    }

    private static byte[] body(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_BODY || !req.content().hasEntity()) {
            return req.content().hasEntity() ? null : new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    private static void json(ServerResponse res, Status status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(write(body));
    }

    static void problem(ServerResponse res, Status status, String code, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "https://moldtank.dev/problems/" + code);
        p.put("title", status.reasonPhrase());
        p.put("status", status.code());
        p.put("detail", detail);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/problem+json");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(write(p));
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cards and tasks are plain maps", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
