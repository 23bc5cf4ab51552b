package io.moldtank.adapters.http;

import io.moldtank.domain.job.CheckRun;
import io.moldtank.domain.job.CheckVerdict;
import io.moldtank.domain.job.JobCheck;
import io.moldtank.ports.in.job.DeadLetteredCheck;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What issue 14 §1 shows: a check as declared (its files' content only where one listing or job is
 * shown: discovery pages stay light), a job's verification with its verdict record, and the operator's
 * dead letters. Output tails are shown only to whoever may see the result itself.
 */
final class JobCheckViews {
    private JobCheckViews() {
    }

    static Map<String, Object> check(JobCheck check, boolean withFiles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", check.kind());
        switch (check) {
            case JobCheck.Manual x -> { }
            case JobCheck.Tests t -> {
                m.put("runner", t.suite().runner().name().toLowerCase(Locale.ROOT));
                m.put("command", t.suite().command());
                m.put("timeoutSeconds", t.suite().timeout().toSeconds());
                m.put("expectTests", t.suite().expected().ids().isEmpty() ? t.suite().expected().count()
                        : t.suite().expected().ids());
                m.put("expectTestsFrom", t.suite().expected().declared() ? "seller" : "collected");
                m.put("resultFile", t.resultFile());
                files(m, t.suite().files(), withFiles);
            }
            case JobCheck.Script s -> {
                m.put("command", s.command());
                m.put("timeoutSeconds", s.timeout().toSeconds());
                m.put("resultFile", s.resultFile());
                files(m, s.files(), withFiles);
            }
        }
        return m;
    }

    private static void files(Map<String, Object> m, Map<String, String> files, boolean withContent) {
        m.put("fileNames", new TreeSet<>(files.keySet()));
        if (withContent) {
            m.put("files", new TreeMap<>(files));
        }
    }

    /** {@code outputVisible}: the viewer may see the result, so the run's output tails too. */
    static Map<String, Object> verification(CheckRun run, boolean outputVisible) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", run.state().name());
        m.put("attempts", run.attempts());
        m.put("queuedAt", run.queuedAt().toString());
        m.put(run.state() == CheckRun.State.RUNNING ? "leaseUntil" : "nextAttemptAt", text(run.dueAt()));
        m.put("lastError", run.lastError());
        m.put("verdict", run.verdict() == null ? null : verdict(run.verdict(), outputVisible));
        return m;
    }

    private static Map<String, Object> verdict(CheckVerdict v, boolean outputVisible) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", v.outcome().name());
        m.put("reason", v.reason());
        m.put("summary", v.summary());
        m.put("evidence", new TreeMap<>(v.evidence()));
        m.put("output", outputVisible ? new TreeMap<>(v.output()) : Map.of("state", "redacted"));
        m.put("durationMs", v.took().toMillis());
        m.put("decidedAt", v.decidedAt().toString());
        return m;
    }

    static Map<String, Object> deadLetter(DeadLetteredCheck d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", d.jobId().toString());
        m.put("client", d.client().toString());
        m.put("seller", d.seller().toString());
        m.put("price", d.price().toDecimalString());
        m.put("kind", d.kind());
        m.putAll(verification(d.run(), false));
        m.remove("verdict");
        return m;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
