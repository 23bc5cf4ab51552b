package io.moldtank.adapters.sandbox;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.PytestCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a run's report shows, and the rule that turns it into a verdict: PASS needs exit 0 and a
 * report in which every expected test was collected and passed, none skipped or errored, nothing else ran.
 */
record TestEvidence(List<Outcome> outcomes, List<String> collectErrors, String tampered) {

    static final String NO_REPORT = "no-report";
    static final String TESTS_MISSING = "tests-missing";
    static final String TESTS_SKIPPED = "tests-skipped";
    static final String UNEXPECTED_TESTS = "unexpected-tests";
    static final String TESTS_FAILED = "tests-failed";
    static final String TAMPERED = "tampered";

    enum Result { PASSED, FAILED, SKIPPED }

    /** One test (all of its phases folded into one result). */
    record Outcome(String id, Result result) {
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    TestEvidence {
        outcomes = List.copyOf(outcomes);
        collectErrors = List.copyOf(collectErrors);
    }

    /** The verdict's reason: null for PASS, else one of the reason codes, with a one-line explanation. */
    record Judgement(String reason, String why) {
        boolean pass() {
            return reason == null;
        }
    }

    Judgement judge(Acceptance.Expected expected, int exitCode) {
        if (tampered != null) {
            return new Judgement(TAMPERED, "the harness caught the run tampering with the test runner: " + tampered);
        }
        Map<String, Result> byTest = new LinkedHashMap<>();
        for (var o : outcomes) {
            byTest.merge(o.id(), o.result(), TestEvidence::worse);
        }
        Set<String> ran = new TreeSet<>();
        byTest.keySet().forEach(id -> ran.add(PytestCommand.baseId(id)));
        if (!expected.ids().isEmpty()) {
            var missing = new TreeSet<>(expected.ids());
            missing.removeAll(ran);
            if (!missing.isEmpty()) {
                return new Judgement(TESTS_MISSING, "expected tests did not run: " + first(missing)
                        + (collectErrors.isEmpty() ? "" : "; collection failed: " + collectErrors.getFirst()));
            }
            var extra = new TreeSet<>(ran);
            extra.removeAll(expected.ids());
            if (!extra.isEmpty()) {
                return new Judgement(UNEXPECTED_TESTS, "tests ran that the bounty does not expect: " + first(extra));
            }
        } else if (ran.size() != expected.count()) {
            return ran.size() < expected.count()
                    ? new Judgement(TESTS_MISSING, ran.size() + " of " + expected.count() + " expected tests ran")
                    : new Judgement(UNEXPECTED_TESTS, ran.size() + " tests ran, the bounty expects " + expected.count());
        }
        if (!collectErrors.isEmpty()) {
            return new Judgement(TESTS_FAILED, "collection failed: " + collectErrors.getFirst());
        }
        var skipped = byTest.entrySet().stream().filter(e -> e.getValue() == Result.SKIPPED).map(Map.Entry::getKey).toList();
        if (!skipped.isEmpty()) {
            return new Judgement(TESTS_SKIPPED, skipped.size() + " tests skipped or xfailed, first " + skipped.getFirst());
        }
        var failed = byTest.entrySet().stream().filter(e -> e.getValue() == Result.FAILED).map(Map.Entry::getKey).toList();
        if (!failed.isEmpty()) {
            return new Judgement(TESTS_FAILED, failed.size() + " of " + byTest.size() + " tests failed, first " + failed.getFirst());
        }
        if (exitCode != 0) {
            return new Judgement(TESTS_FAILED, "every test passed but the run exited " + exitCode);
        }
        return new Judgement(null, byTest.size() + " expected tests passed");
    }

    /** The report as compact JSON for the vote's details (and so the verdict record). */
    String json() {
        var root = JSON.createObjectNode();
        var tests = root.putArray("tests");
        outcomes.forEach(o -> tests.addObject().put("id", o.id()).put("result", o.result().name().toLowerCase(java.util.Locale.ROOT)));
        var errors = root.putArray("collectErrors");
        collectErrors.forEach(errors::add);
        root.put("tampered", tampered);
        return root.toString();
    }

    /** Folds a test's phases: any failure fails it, else any skip skips it. */
    static Result worse(Result a, Result b) {
        return a == Result.FAILED || b == Result.FAILED ? Result.FAILED
                : a == Result.SKIPPED || b == Result.SKIPPED ? Result.SKIPPED : Result.PASSED;
    }

    private static String first(Set<String> ids) {
        return ids.iterator().next() + (ids.size() > 1 ? " and " + (ids.size() - 1) + " more" : "");
    }
}
