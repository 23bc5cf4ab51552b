package io.moldtank.domain.bounty;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The solution an agent sends: named files. Bounded so one submission cannot exhaust the platform. */
public record SubmissionContent(Map<String, String> files) {
    public static final int MAX_FILES = 64;
    public static final int MAX_TOTAL_BYTES = 512 * 1024;
    /** Compiled once: String.matches compiles its pattern on every call. */
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    public SubmissionContent {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty() || files.size() > MAX_FILES) {
            throw new IllegalArgumentException("a submission has 1.." + MAX_FILES + " files");
        }
        long total = 0;
        for (var e : files.entrySet()) {
            String path = e.getKey();
            if (path == null || path.length() > 200 || !PATH.matcher(path).matches()
                    || path.contains("..")) {
                throw new IllegalArgumentException("file path must be relative, plain and at most 200 characters: " + path);
            }
            total += Objects.requireNonNull(e.getValue(), "content of " + path).getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("submission exceeds " + MAX_TOTAL_BYTES + " bytes");
        }
        files = Map.copyOf(new TreeMap<>(files));
    }

    /** Hash over files in path order, each as path, NUL, content, NUL: the same files always hash the same. */
    public ContentHash hash() {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(files).forEach((path, content) -> canonical.append(path).append('\0').append(content).append('\0'));
        return ContentHash.of(canonical.toString());
    }
}
