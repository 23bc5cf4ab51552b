package io.moldtank.adapters.http;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every operator action, whatever its outcome: one structured log line (who, what, on which id, how
 * it ended — never the token) and {@code moldtank_operator_actions_total{action,outcome}}. Both label
 * sets are closed lists, so the series count stays bounded.
 */
final class OperatorActions {
    static final String NAME = "moldtank.operator.actions";
    private static final Logger LOG = LoggerFactory.getLogger("io.moldtank.operator");

    private final MeterRegistry registry;

    OperatorActions(MeterRegistry registry) {
        this.registry = registry;
    }

    static OperatorActions global() {
        return new OperatorActions(Metrics.globalRegistry());
    }

    /**
     * Authenticates the operator, runs the action and answers 200 with its body; every ending — done,
     * refused, failed — is logged and counted.
     */
    void perform(OperatorAuth auth, ServerRequest req, ServerResponse res, String action, String target,
                 Function<String, Object> work) {
        String operator = null;
        try {
            operator = auth.operator(req);
            Object body = work.apply(operator);
            record(action, operator, target, 200);
            Exchange.ok(res, body);
        } catch (ApiProblem p) {
            record(action, operator, target, p.status());
            throw p;
        } catch (RuntimeException e) {
            record(action, operator, target, 500);
            throw e;
        }
    }

    /** {@code operator} is null when the caller was not authenticated. */
    void record(String action, String operator, String target, int status) {
        String outcome = outcome(status);
        counter(action, outcome).increment();
        LOG.atInfo().addKeyValue("event", "operator-action").addKeyValue("operator", operator == null ? "-" : operator)
                .addKeyValue("action", action).addKeyValue("target", target).addKeyValue("outcome", outcome)
                .addKeyValue("status", status)
                .log("operator action {} on {}: {}", action, target, outcome);
    }

    Counter counter(String action, String outcome) {
        return registry.getOrCreate(Counter.builder(NAME).description("operator actions by outcome")
                .tags(List.of(Tag.create("action", action), Tag.create("outcome", outcome))));
    }

    static String outcome(int status) {
        return switch (status) {
            case 200, 201 -> "done";
            case 400 -> "invalid";
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 409 -> "refused";
            default -> "error";
        };
    }
}
