package io.moldtank.adapters.http;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Wire shapes of the bounty endpoints and their mapping to domain terms. */
final class BountyRequests {
    private BountyRequests() {
    }

    /** {@code kind} "rubric" needs {@code rubric}; "tests" needs {@code files} and {@code command}. */
    /** {@code expectTests}: a list of test ids or a count; {@code runner}: "pytest" (default for pytest commands) or "junit". */
    record AcceptanceDto(String kind, String rubric, Map<String, String> files, String command, Integer timeoutSeconds,
                         String runner, com.fasterxml.jackson.databind.JsonNode expectTests, List<String> allow) {
    }

    record Create(String title, String description, String reward, String deadline, List<String> tags,
                  AcceptanceDto acceptance, String quorum) {
    }

    record Confirm(String txHash) {
    }

    static BountyTerms terms(Create c) {
        Fields f = new Fields();
        f.required("title", c.title());
        f.required("description", c.description());
        Usdc reward = f.usdc("reward", c.reward());
        Instant deadline = f.instant("deadline", c.deadline());
        QuorumPolicy quorum = quorum(f, c.quorum());
        Acceptance acceptance = acceptance(f, c.acceptance());
        BountyTerms terms = f.build("terms", () -> new BountyTerms(c.title(), c.description(), reward, deadline,
                c.tags() == null ? null : new LinkedHashSet<>(c.tags()), acceptance, quorum));
        f.check();
        return terms;
    }

    private static QuorumPolicy quorum(Fields f, String text) {
        if (text == null || text.equals("1-of-1")) {
            return QuorumPolicy.ONE_OF_ONE;
        }
        if (text.equals("2-of-3")) {
            return QuorumPolicy.TWO_OF_THREE;
        }
        f.add("quorum", "one of \"1-of-1\", \"2-of-3\"");
        return null;
    }

    /** {@code runner} of a test acceptance (or a job check's tests), reported under {@code field}. */
    static Acceptance.Runner runner(Fields f, String field, String runner) {
        if (runner == null) {
            return null;
        }
        return switch (runner) {
            case "pytest" -> Acceptance.Runner.PYTEST;
            case "junit" -> Acceptance.Runner.JUNIT;
            default -> {
                f.add(field, "one of \"pytest\", \"junit\"");
                yield null;
            }
        };
    }

    /** {@code expectTests}: a non-empty list of test ids or a count, reported under {@code field}. */
    static Acceptance.Expected expected(Fields f, String field, com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return f.build(field, () -> Acceptance.Expected.ofCount(node.intValue()));
        }
        if (node.isArray() && node.size() > 0) {
            var ids = new java.util.ArrayList<String>();
            for (var id : node) {
                if (!id.isTextual()) {
                    f.add(field, "a list of test ids (strings) or a count");
                    return null;
                }
                ids.add(id.asText());
            }
            return f.build(field, () -> Acceptance.Expected.ofIds(ids, true));
        }
        f.add(field, "a non-empty list of test ids or a count");
        return null;
    }

    /** Also the operator's edit of a scraped draft's acceptance (DraftsService). */
    static Acceptance acceptance(Fields f, AcceptanceDto a) {
        if (f.present("acceptance", a) == null) {
            return null;
        }
        String kind = f.required("acceptance.kind", a.kind());
        if ("rubric".equals(kind)) {
            f.required("acceptance.rubric", a.rubric());
            return f.build("acceptance", () -> new Acceptance.Rubric(a.rubric()));
        }
        if ("tests".equals(kind)) {
            f.present("acceptance.files", a.files());
            f.required("acceptance.command", a.command());
            Duration timeout = a.timeoutSeconds() == null ? null : Duration.ofSeconds(a.timeoutSeconds());
            Acceptance.Runner runner = runner(f, "acceptance.runner", a.runner());
            Acceptance.Expected expected = expected(f, "acceptance.expectTests", a.expectTests());
            return f.build("acceptance", () -> new Acceptance.TestSuite(a.files(), a.command(), timeout, runner, expected,
                    a.allow() == null ? List.of() : a.allow()));
        }
        if (kind != null) {
            f.add("acceptance.kind", "one of \"rubric\", \"tests\"");
        }
        return null;
    }
}
