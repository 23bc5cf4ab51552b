package io.moldtank.ports.service;

import io.moldtank.domain.job.CheckVerdict;
import io.moldtank.domain.job.Verdict;
import io.moldtank.domain.validation.Vote;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns the sandbox runner's vote into a job's verdict record: the reason code from
 * {@code details.reason}, the output tails apart from the rest of the evidence (they may quote the
 * result, so the domain shows them to the client only after completion), every value cut to size.
 */
final class CheckVerdicts {
    static final String UNSPECIFIED = "check-failed";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

    private CheckVerdicts() {
    }

    static CheckVerdict of(Vote vote, Instant at) {
        Verdict outcome = vote.kind() == Vote.Kind.PASS ? Verdict.PASSED : Verdict.FAILED;
        String reason = vote.details().get("reason");
        if (outcome == Verdict.FAILED && (reason == null || !CODE.matcher(reason).matches())) {
            reason = UNSPECIFIED;
        }
        var evidence = new TreeMap<String, String>();
        var output = new TreeMap<String, String>();
        vote.details().forEach((k, v) -> {
            if (!k.equals("reason") && KEY.matcher(k).matches()) {
                (k.endsWith("Tail") ? output : evidence).put(k, cut(v, CheckVerdict.MAX_VALUE_CHARS));
            }
        });
        while (evidence.size() + output.size() > CheckVerdict.MAX_ENTRIES) {
            evidence.pollLastEntry();
        }
        return new CheckVerdict(outcome, outcome == Verdict.PASSED ? null : reason, cut(vote.summary(), 2000),
                Map.copyOf(evidence), Map.copyOf(output), vote.took(), at);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : "[cut] " + text.substring(text.length() - (max - 6));
    }
}
