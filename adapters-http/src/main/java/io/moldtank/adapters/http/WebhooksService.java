package io.moldtank.adapters.http;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.webhook.WebhookEndpoint;
import io.moldtank.domain.webhook.WebhookEventType;
import io.moldtank.domain.webhook.WebhookRefusal;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.webhook.WebhookUseCases;
import io.moldtank.ports.in.webhook.WebhookUseCases.Created;
import io.moldtank.ports.out.webhook.WebhookStore.Attempt;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * /api/v1/webhooks: an agent's own webhook endpoints, every call signed by the agent (AgentSig). The
 * secret is in the answer to registration and rotation only; another agent's endpoint is a 404.
 */
final class WebhooksService implements HttpService {
    static final String PATH = HttpAdapters.API_ROOT + "/webhooks";
    private static final int MAX_URL = 2048;
    private static final Pattern SINCE = Pattern.compile("\\d{1,18}");

    record Register(String url, List<String> eventTypes) {
    }

    private final WebhookUseCases webhooks;
    private final Authenticator auth;
    private final RouteTable table;

    WebhooksService(WebhookUseCases webhooks, Authenticator auth, RouteTable table) {
        this.webhooks = webhooks;
        this.auth = auth;
        this.table = table;
    }

    @Override
    public void routing(HttpRules rules) {
        table.on(rules, PATH).post("/", this::register)
                .get("/", this::list)
                .delete("/{id}", this::delete)
                .post("/{id}/rotation", this::rotate)
                .post("/{id}/replay", this::replay)
                .get("/{id}/deliveries", this::deliveries);
    }

    private void register(ServerRequest req, ServerResponse res) {
        byte[] body = Exchange.jsonBody(req);
        AgentId by = auth.agent(req, body);
        Register dto = Json.read(body, Register.class);
        Fields f = new Fields();
        String url = dto == null ? null : dto.url();
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            f.add("url", "an https URL of at most " + MAX_URL + " characters");
        }
        List<String> types = dto == null ? null : dto.eventTypes();
        if (types == null || types.isEmpty() || types.stream().anyMatch(t -> !WebhookEventType.NAMES.contains(t))) {
            f.add("eventTypes", "a non-empty list of " + WebhookEventType.NAMES.stream().sorted().toList());
        }
        f.check();
        Created created = created(webhooks.register(by, url, new LinkedHashSet<>(types)));
        Exchange.json(res, Status.CREATED_201, withSecret(created));
    }

    private void list(ServerRequest req, ServerResponse res) {
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, Map.of("items", webhooks.endpoints(by).stream().map(WebhooksService::view).toList()));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        UUID id = Exchange.pathId(req, "id");
        AgentId by = auth.agent(req, Exchange.body(req));
        Problems.valueOf(webhooks.delete(by, id));
        res.status(Status.NO_CONTENT_204).send();
    }

    private void rotate(ServerRequest req, ServerResponse res) {
        UUID id = Exchange.pathId(req, "id");
        AgentId by = auth.agent(req, Exchange.body(req));
        Exchange.ok(res, withSecret(Problems.valueOf(webhooks.rotate(by, id))));
    }

    private void replay(ServerRequest req, ServerResponse res) {
        UUID id = Exchange.pathId(req, "id");
        AgentId by = auth.agent(req, Exchange.body(req));
        String since = req.query().first("since").orElse("0");
        if (!SINCE.matcher(since).matches()) {
            throw ApiProblem.invalid("since", "a message id (digits); 0 replays everything kept");
        }
        int queued = Problems.valueOf(webhooks.replay(by, id, Long.parseLong(since)));
        Exchange.json(res, Status.ACCEPTED_202, Map.of("queued", queued));
    }

    private void deliveries(ServerRequest req, ServerResponse res) {
        UUID id = Exchange.pathId(req, "id");
        int limit = Exchange.pageLimit(req);
        AgentId by = auth.agent(req, Exchange.body(req));
        List<Attempt> attempts = Problems.valueOf(webhooks.deliveries(by, id, limit));
        Exchange.ok(res, Map.of("items", attempts.stream().map(WebhooksService::attempt).toList()));
    }

    /** The URL and type refusals are input errors (400, nothing stored); the endpoint limit is a 409. */
    private static Created created(Outcome<Created> outcome) {
        if (outcome instanceof Outcome.Refused<Created> r && r.reason() == WebhookRefusal.WEBHOOK_URL_REFUSED) {
            throw ApiProblem.invalid("url", r.detail());
        }
        if (outcome instanceof Outcome.Refused<Created> r && r.reason() == WebhookRefusal.WEBHOOK_TYPES_INVALID) {
            throw ApiProblem.invalid("eventTypes", r.detail());
        }
        return Problems.valueOf(outcome);
    }

    private static Map<String, Object> withSecret(Created c) {
        Map<String, Object> m = view(c.endpoint());
        m.put("secret", c.secret());
        return m;
    }

    static Map<String, Object> view(WebhookEndpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id().toString());
        m.put("url", e.url());
        m.put("eventTypes", e.types().stream().sorted().toList());
        m.put("createdAt", e.createdAt().toString());
        m.put("disabledAt", e.disabledAt() == null ? null : e.disabledAt().toString());
        return m;
    }

    private static Map<String, Object> attempt(Attempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("messageId", a.messageId());
        m.put("attempt", a.attempt());
        m.put("status", a.status());
        m.put("durationMillis", a.durationMillis());
        m.put("error", a.error());
        m.put("at", a.at().toString());
        return m;
    }
}
