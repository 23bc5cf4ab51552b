package io.moldtank.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moldtank.domain.bounty.Submission;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.validation.Vote;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The verdict record of a submission: each vote with the sandbox image digest, the exact command, the
 * SHA-256 of every input file, the runner's report, output tails, limits and timings. Details that
 * validators store as JSON text ({@code inputs}, {@code report}) are shown as JSON.
 */
final class VerdictViews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JSON_DETAILS = Set.of("inputs", "report");

    private VerdictViews() {
    }

    static Map<String, Object> verdict(SubmissionSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("submissionId", s.id().toString());
        m.put("bountyId", s.bountyId().toString());
        m.put("sequence", s.sequence());
        m.put("status", s.status().name());
        m.put("filesSha256", s.content().hash().hex());
        m.put("votes", s.votes().stream().map(VerdictViews::castVote).toList());
        return m;
    }

    private static Map<String, Object> castVote(Submission.CastVote cast) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("attempt", cast.attempt());
        m.putAll(vote(cast.vote()));
        return m;
    }

    static Map<String, Object> vote(Vote v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validator", v.validator());
        m.put("kind", v.kind().name());
        m.put("summary", v.summary());
        m.put("tookMs", v.took().toMillis());
        m.put("at", v.at().toString());
        Map<String, Object> details = new TreeMap<>();
        v.details().forEach((k, value) -> details.put(k, JSON_DETAILS.contains(k) ? json(value) : value));
        m.put("details", details);
        return m;
    }

    private static Object json(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? text : node;
        } catch (java.io.IOException e) {
            return text; // recorded before the detail was JSON: shown as it was stored
        }
    }
}
