package io.moldtank.adapters.mcp;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.validation.QuorumPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** post_bounty's arguments as the domain's bounty terms; the domain checks lengths, sizes and runner files. */
final class PostedTerms {
    private static final Set<String> ACCEPTANCE = Set.of("kind", "rubric", "files", "command", "runner",
            "expectTests", "timeoutSeconds", "allow");

    private PostedTerms() {
    }

    static BountyTerms from(Args a, Clock clock) {
        String quorum = a.text("quorum", 10);
        List<String> tags = a.strings("tags", 10, 50);
        return new BountyTerms(a.requiredText("title", 200), a.requiredText("description", Args.MAX_TEXT),
                a.usdc("reward", true), deadline(a, clock), tags == null ? null : new LinkedHashSet<>(tags),
                acceptance(a), "2-of-3".equals(quorum) ? QuorumPolicy.TWO_OF_THREE : QuorumPolicy.ONE_OF_ONE);
    }

    private static Instant deadline(Args a, Clock clock) {
        String text = a.requiredText("deadline", 40);
        try {
            return text.startsWith("P") ? clock.instant().plus(Duration.parse(text)) : Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw a.invalid("deadline", "an ISO-8601 instant or a duration such as P7D");
        }
    }

    private static Acceptance acceptance(Args a) {
        Map<String, Object> raw = a.object("acceptance");
        if (raw == null) {
            throw a.invalid("acceptance", "required");
        }
        Args in = new Args("post_bounty.acceptance", raw, ACCEPTANCE);
        String kind = in.requiredText("kind", 10);
        if (kind.equals("rubric")) {
            return new Acceptance.Rubric(in.requiredText("rubric", Args.MAX_TEXT));
        }
        if (!kind.equals("tests")) {
            throw in.invalid("kind", "one of \"tests\", \"rubric\"");
        }
        Map<String, String> files = in.stringMap("files", 64);
        if (files == null) {
            throw in.invalid("files", "required");
        }
        String runner = in.text("runner", 10);
        int timeout = in.integer("timeoutSeconds", 1, 300, -1);
        List<String> allow = in.strings("allow", 64, 200);
        return new Acceptance.TestSuite(files, in.requiredText("command", 1000),
                timeout < 0 ? null : Duration.ofSeconds(timeout),
                runner == null ? null : switch (runner) {
                    case "pytest" -> Acceptance.Runner.PYTEST;
                    case "junit" -> Acceptance.Runner.JUNIT;
                    default -> throw in.invalid("runner", "one of \"pytest\", \"junit\"");
                }, expected(in, raw.get("expectTests")), allow == null ? List.of() : allow);
    }

    private static Acceptance.Expected expected(Args in, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer count) {
            return Acceptance.Expected.ofCount(count);
        }
        List<String> ids = in.strings("expectTests", 1000, 500);
        if (ids == null || ids.isEmpty()) {
            throw in.invalid("expectTests", "a non-empty list of test ids or a count");
        }
        return Acceptance.Expected.ofIds(ids, true);
    }
}
