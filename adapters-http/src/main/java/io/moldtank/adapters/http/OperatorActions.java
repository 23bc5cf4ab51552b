package io.moldtank.adapters.http;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import java.util.List;
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
