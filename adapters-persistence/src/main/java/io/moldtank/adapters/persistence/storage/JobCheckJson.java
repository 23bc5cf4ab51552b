package io.moldtank.adapters.persistence.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.CheckVerdict;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.Verdict;
import java.time.Duration;
import java.time.Instant;

/**
 * A listing's or job's check and a job's check run, kept as JSON text (the run's state and times are
 * also columns, for the queue's queries). A manual check is no JSON at all: a null column. Instants
 * and durations are ISO-8601 text, exact to the nanosecond, so a run loads back equal.
 */
final class JobCheckJson {
    private JobCheckJson() {
    }

    static String check(JobCheck check) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (check) {
            case JobCheck.Manual m -> {
                return null;
            }
            case JobCheck.Tests t -> {
                node.put("kind", t.kind());
                node.set("suite", Json.read(Json.acceptance(t.suite())));
                node.put("resultFile", t.resultFile());
            }
            case JobCheck.Script s -> {
                node.put("kind", s.kind());
                node.set("files", Json.read(Json.strings("check.files", s.files())));
                node.put("command", Text.encodable("check.command", s.command()));
                node.put("timeout", s.timeout().toString());
            }
        }
        return Json.write(node);
    }

    static JobCheck check(String json) {
        if (json == null) {
            return JobCheck.MANUAL;
        }
        JsonNode node = Json.read(json);
        return switch (node.path("kind").asText()) {
            case "tests" -> new JobCheck.Tests((Acceptance.TestSuite) Json.acceptance(node.get("suite").toString()),
                    node.get("resultFile").asText());
            case "script" -> new JobCheck.Script(Json.strings(node.get("files").toString()), node.get("command").asText(),
                    Duration.parse(node.get("timeout").asText()));
            default -> throw new IllegalStateException("stored check of unknown kind: " + node.path("kind"));
        };
    }

    static String run(CheckRun run) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("state", run.state().name());
        node.put("attempts", run.attempts());
        node.put("queuedAt", run.queuedAt().toString());
        node.put("dueAt", run.dueAt() == null ? null : run.dueAt().toString());
        node.put("lastError", run.lastError() == null ? null : Text.encodable("check.lastError", run.lastError()));
        CheckVerdict v = run.verdict();
        if (v != null) {
            ObjectNode verdict = node.putObject("verdict");
            verdict.put("outcome", v.outcome().name());
            verdict.put("reason", v.reason());
            verdict.put("summary", Text.encodable("check.summary", v.summary()));
            verdict.set("evidence", Json.read(Json.strings("check.evidence", v.evidence())));
            verdict.set("output", Json.read(Json.strings("check.output", v.output())));
            verdict.put("took", v.took().toString());
            verdict.put("decidedAt", v.decidedAt().toString());
        }
        return Json.write(node);
    }

    static CheckRun run(String json) {
        JsonNode node = Json.read(json);
        JsonNode v = node.get("verdict");
        CheckVerdict verdict = v == null || v.isNull() ? null : new CheckVerdict(Verdict.valueOf(v.get("outcome").asText()),
                text(v, "reason"), v.get("summary").asText(), Json.strings(v.get("evidence").toString()),
                Json.strings(v.get("output").toString()), Duration.parse(v.get("took").asText()),
                Instant.parse(v.get("decidedAt").asText()));
        String due = text(node, "dueAt");
        return new CheckRun(CheckRun.State.valueOf(node.get("state").asText()), node.get("attempts").asInt(),
                Instant.parse(node.get("queuedAt").asText()), due == null ? null : Instant.parse(due),
                text(node, "lastError"), verdict);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
