package io.moldtank.adapters.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the pytest harness's report from a run's stdout. The code under test can print anything, so
 * only a line whose HMAC verifies under this run's key counts; two such lines mean the key leaked.
 */
final class HarnessReport {

    static final String PREFIX = "MOLDTANK-REPORT-1 ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HarnessReport() {
    }

    /** The evidence, or null when no line carries a valid signature for this run. */
    static TestEvidence read(String stdout, byte[] key, String runId) {
        var valid = new ArrayList<JsonNode>();
        for (String line : stdout.split("\n")) {
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            String[] parts = line.substring(PREFIX.length()).trim().split(" ");
            if (parts.length != 2 || parts[0].length() > 4_000_000) {
                continue;
            }
            try {
                byte[] body = HexFormat.of().parseHex(parts[0]);
                byte[] mac = HexFormat.of().parseHex(parts[1]);
                if (MessageDigest.isEqual(mac, hmac(key, body))) {
                    JsonNode node = JSON.readTree(new String(body, StandardCharsets.US_ASCII));
                    if (runId.equals(node.path("run").asText())) {
                        valid.add(node);
                    }
                }
            } catch (IllegalArgumentException | java.io.IOException e) {
                // not hex, not JSON: printed by the code under test, ignored
            }
        }
        if (valid.isEmpty()) {
            return null;
        }
        if (valid.size() > 1) {
            return new TestEvidence(List.of(), List.of(), "more than one signed report");
        }
        JsonNode report = valid.getFirst();
        Map<String, TestEvidence.Result> results = new LinkedHashMap<>();
        var calls = new java.util.HashSet<String>();
        for (JsonNode t : report.path("tests")) {
            String id = t.path("id").asText();
            String when = t.path("when").asText();
            TestEvidence.Result r = switch (t.path("outcome").asText()) {
                case "passed" -> t.path("xfail").asBoolean() ? TestEvidence.Result.SKIPPED : TestEvidence.Result.PASSED;
                case "skipped" -> TestEvidence.Result.SKIPPED;
                default -> TestEvidence.Result.FAILED;
            };
            if ("call".equals(when)) {
                calls.add(id);
            }
            results.merge(id, r, TestEvidence::worse);
        }
        var outcomes = new ArrayList<TestEvidence.Outcome>();
        results.forEach((id, r) -> outcomes.add(new TestEvidence.Outcome(id,
                // a test whose body never ran (setup skipped it, or no call phase) did not pass
                r == TestEvidence.Result.PASSED && !calls.contains(id) ? TestEvidence.Result.SKIPPED : r)));
        var errors = new ArrayList<String>();
        report.path("collectErrors").forEach(e -> errors.add(e.asText()));
        JsonNode tampered = report.path("tampered");
        return new TestEvidence(outcomes, errors, tampered.isTextual() ? tampered.asText() : null);
    }

    static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The stdout a reader should see: report lines replaced by a short note. */
    static String withoutReports(String stdout) {
        return stdout.replaceAll("(?m)^" + PREFIX + "\\S+ \\S+$", "[moldtank: harness report]");
    }
}
