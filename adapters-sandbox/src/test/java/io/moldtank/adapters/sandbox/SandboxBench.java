package io.moldtank.adapters.sandbox;

import io.moldtank.domain.validation.Vote.Kind;
import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark, not a test (bench/sandbox/run.sh): the pipeline's per-validation cost against a bare
 * {@code docker run} of the same command with the same limits, interleaved in one run so both see
 * the same machine; then test-runner validations per minute with 2 workers on a trivial pytest bounty.
 */
public final class SandboxBench {

    private SandboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int validations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        var settings = SandboxAdapters.Settings.defaults();
        var sandbox = (DockerSandbox) SandboxAdapters.docker(settings);
        String command = "python3 -c 'print(1)'";
        List<String> bare = bareDockerRun(settings.image(), List.of(), command);
        var bareMs = new ArrayList<Double>();
        var oursMs = new ArrayList<Double>();
        interleave(rounds, bareMs, () -> runBare(bare, "1\n"), oursMs, () -> {
            var r = sandbox.run(new SandboxRun(Map.of("solution.py", "x = 1\n"), command, Duration.ofSeconds(60)));
            if (r.exitCode() != 0 || !r.stdout().equals("1\n")) {
                throw new IllegalStateException("sandbox run failed: " + r);
            }
        });
        System.out.printf("per run (%d interleaved rounds, %s):%n", rounds, command);
        System.out.printf("  bare docker run   median %6.0f ms  p90 %6.0f ms%n", pct(bareMs, 50), pct(bareMs, 90));
        System.out.printf("  DockerSandbox.run median %6.0f ms  p90 %6.0f ms%n", pct(oursMs, 50), pct(oursMs, 90));
        System.out.printf("  ratio ours/bare (median) %.2f%n", pct(oursMs, 50) / pct(bareMs, 50));

        var validator = new TestRunnerValidator(sandbox, java.time.Clock.systemUTC());
        var request = Requests.pytest(Requests.CORRECT);
        evidenceOverhead(settings.image(), validator, request, rounds);
        var passed = new AtomicInteger();
        long start = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < validations; i++) {
                pool.submit(() -> {
                    if (validator.validate(request).kind() == Kind.PASS) {
                        passed.incrementAndGet();
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("test-runner, 2 workers, trivial pytest bounty: %d/%d passed in %.1f s = %.0f validations/min%n",
                passed.get(), validations, seconds, validations / seconds * 60);
        if (passed.get() != validations) {
            throw new IllegalStateException("some validations did not pass");
        }
    }

    /**
     * The whole validation (harness, signed report, evidence rule, hashes, container and volume
     * lifecycle) against a bare {@code docker run} of plain pytest on the same files with the same
     * limits: what the evidence check costs on top of running the tests at all.
     */
    private static void evidenceOverhead(String image, TestRunnerValidator validator,
                                         io.moldtank.ports.out.validation.ValidationRequest request, int rounds)
            throws Exception {
        Path dir = Files.createTempDirectory("bench-pytest");
        for (var f : Requests.PYTEST_SUITE.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        for (var f : Requests.CORRECT.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> bare = bareDockerRun(image, List.of("-v", dir + ":/work:ro", "-w", "/work",
                "-e", "PYTHONDONTWRITEBYTECODE=1"), "python3 -m pytest -q -p no:cacheprovider");
        var bareMs = new ArrayList<Double>();
        var oursMs = new ArrayList<Double>();
        interleave(rounds, bareMs, () -> runBare(bare, "2 passed"), oursMs, () -> {
            var vote = validator.validate(request);
            if (vote.kind() != Kind.PASS) {
                throw new IllegalStateException("validation did not pass: " + vote);
            }
        });
        System.out.printf("trivial pytest bounty (%d interleaved rounds, 1 at a time):%n", rounds);
        System.out.printf("  bare docker run of pytest       median %6.0f ms  p90 %6.0f ms%n", pct(bareMs, 50), pct(bareMs, 90));
        System.out.printf("  TestRunnerValidator (evidence)  median %6.0f ms  p90 %6.0f ms%n", pct(oursMs, 50), pct(oursMs, 90));
        System.out.printf("  ratio ours/bare (median) %.2f%n", pct(oursMs, 50) / pct(bareMs, 50));
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    /** Bare and ours one after the other, {@code rounds} times after two warm-up rounds, so both see the same machine. */
    private static void interleave(int rounds, List<Double> bareMs, Step bare, List<Double> oursMs, Step ours)
            throws Exception {
        for (int i = 0; i < rounds + 2; i++) {
            long t = System.nanoTime();
            bare.run();
            double b = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            ours.run();
            double o = (System.nanoTime() - t) / 1e6;
            if (i >= 2) {
                bareMs.add(b);
                oursMs.add(o);
            }
        }
    }

    private static void runBare(List<String> command, String expected) throws Exception {
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0 || !out.contains(expected)) {
            throw new IllegalStateException("bare docker run failed: " + out);
        }
    }

    private static List<String> bareDockerRun(String image, List<String> extra, String command) {
        var args = new ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", "--read-only",
                "--tmpfs", "/tmp:rw,size=64m,nosuid,nodev", "--memory", "512m", "--memory-swap", "512m",
                "--cpus", "1", "--pids-limit", "128", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
                "--user", "65534:65534"));
        args.addAll(extra);
        args.addAll(List.of(image, "/bin/sh", "-c", command));
        return args;
    }

    private static double pct(List<Double> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
