package io.moldtank.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.domain.job.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Wire shapes of issue 14 §1: a listing's {@code check} and the verify body. A check that cannot run is
 * a 400 {@code invalid-check} naming every bad field (under {@code check.}), before anything is stored.
 */
final class JobCheckRequests {
    private JobCheckRequests() {
    }

    /**
     * {@code kind} manual (the default), tests ({@code files}, {@code command}, {@code timeoutSeconds},
     * {@code runner}, {@code expectTests}, {@code resultFile}) or script ({@code files}, {@code command},
     * {@code timeoutSeconds}).
     */
    record CheckDto(String kind, Map<String, String> files, String command, Integer timeoutSeconds, String runner,
                    JsonNode expectTests, String resultFile) {
    }

    /** {@code {"verdict"}} for a job checked by hand; none (or no body) asks for a sandbox check. */
    record Verify(String verdict) {
    }

    static JobCheck check(CheckDto c) {
        if (c == null) {
            return JobCheck.MANUAL;
        }
        Fields f = new Fields();
        String kind = f.required("check.kind", c.kind());
        JobCheck check = kind == null ? null : switch (kind) {
            case "manual" -> {
                if (c.files() != null || c.command() != null || c.timeoutSeconds() != null || c.runner() != null
                        || c.expectTests() != null || c.resultFile() != null) {
                    f.add("check", "a manual check has only its kind");
                }
                yield JobCheck.MANUAL;
            }
            case "tests" -> tests(f, c);
            case "script" -> script(f, c);
            default -> {
                f.add("check.kind", "one of \"manual\", \"tests\", \"script\"");
                yield null;
            }
        };
        f.check(ApiProblem::invalidCheck);
        return check;
    }

    private static JobCheck tests(Fields f, CheckDto c) {
        f.present("check.files", c.files());
        f.required("check.command", c.command());
        Duration timeout = timeout(f, c.timeoutSeconds());
        Acceptance.Runner runner = BountyRequests.runner(f, "check.runner", c.runner());
        Acceptance.Expected expected = BountyRequests.expected(f, "check.expectTests", c.expectTests());
        return f.build("check", () -> new JobCheck.Tests(new Acceptance.TestSuite(c.files(), c.command(), timeout, runner,
                expected, List.of()), c.resultFile()));
    }

    private static JobCheck script(Fields f, CheckDto c) {
        f.required("check.command", c.command());
        Duration timeout = timeout(f, c.timeoutSeconds());
        for (var other : new Object[][] {{"check.runner", c.runner()}, {"check.expectTests", c.expectTests()},
                {"check.resultFile", c.resultFile()}}) {
            if (other[1] != null) {
                f.add((String) other[0], "a script check has none: its exit code decides, the result is on stdin");
            }
        }
        return f.build("check", () -> new JobCheck.Script(c.files() == null ? Map.of() : c.files(), c.command(), timeout));
    }

    private static Duration timeout(Fields f, Integer seconds) {
        if (seconds != null && (seconds < 1 || seconds > Acceptance.MAX_TIMEOUT.toSeconds())) {
            f.add("check.timeoutSeconds", "1.." + Acceptance.MAX_TIMEOUT.toSeconds() + " seconds (60 when absent)");
            return null;
        }
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** The verdict of a verify body, or null when there is none (no body, {@code {}}, or no verdict field). */
    static Verdict verdict(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        String text = Json.read(body, Verify.class).verdict();
        if (text != null && !text.equals("PASSED") && !text.equals("FAILED")) {
            throw ApiProblem.invalid("verdict", "one of \"PASSED\", \"FAILED\"; or none for a sandbox-checked job");
        }
        return text == null ? null : Verdict.valueOf(text);
    }
}
