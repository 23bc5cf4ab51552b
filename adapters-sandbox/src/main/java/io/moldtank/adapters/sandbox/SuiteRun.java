package io.moldtank.adapters.sandbox;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.PytestCommand;
import io.moldtank.ports.out.validation.Sandbox.SandboxRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of a test acceptance laid out for the sandbox: the poster's files under /work/acceptance,
 * the submission's under /work/submission (both root-owned, read-only to the code), MoldTank's
 * harness under /work/.moldtank, a fresh report key and run id, and the exact command.
 */
record SuiteRun(SandboxRun run, byte[] key, String runId, Map<String, String> inputHashes) {

    static final String HARNESS = loadHarness();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static SuiteRun of(Acceptance.TestSuite suite, Map<String, String> submission) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String runId = HexFormat.of().formatHex(id);
        var files = new HashMap<String, String>();
        suite.files().forEach((path, content) -> files.put("acceptance/" + path, content));
        submission.forEach((path, content) -> files.put("submission/" + path, content));
        var hashes = new TreeMap<String, String>();
        files.forEach((path, content) -> hashes.put(path, sha256(content)));
        var env = new HashMap<String, String>();
        env.put("MOLDTANK_SUBMISSION", "/work/submission"); // where a suite finds the submission's files
        String command;
        if (suite.runner() == Acceptance.Runner.PYTEST) {
            files.put(".moldtank/harness.py", HARNESS);
            files.put(".moldtank/run.json", runJson(runId, PytestCommand.arguments(suite.command())));
            env.put("MOLDTANK_REPORT_KEY", HexFormat.of().formatHex(key));
            // exec: the shell must not outlive its start, its /proc/<pid>/environ would hold the key
            command = "cd /work/acceptance && exec python3 -I /work/.moldtank/harness.py";
        } else {
            env.put("MOLDTANK_REPORT", "/tmp/moldtank-report-" + runId + ".xml");
            command = JUnitReport.wrap(suite.command(), runId);
        }
        return new SuiteRun(new SandboxRun(files, command, suite.timeout(), env), key, runId, hashes);
    }

    /** SHA-256 of every input file (UTF-8), keyed by its path in the sandbox: what a rerun must match. */
    String inputsJson() {
        return write(inputHashes);
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String runJson(String runId, java.util.List<String> args) {
        var run = new java.util.LinkedHashMap<String, Object>();
        run.put("run", runId);
        run.put("args", args);
        return write(run);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }

    private static String loadHarness() {
        try (InputStream in = SuiteRun.class.getResourceAsStream("harness.py")) {
            if (in == null) {
                throw new IllegalStateException("harness.py is missing from the sandbox adapter's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
