package io.moldtank.client.cli;

import io.moldtank.client.BountyDraft;
import io.moldtank.client.Usdc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONException;
import org.json.JSONObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A bounty to post, from a YAML or JSON file (by extension; {@code -} reads stdin as JSON): {@code title},
 * {@code description}, {@code reward} (a string such as "12.5", or whole USDC; never a fractional number,
 * which would be floating point), {@code deadline} (an ISO instant, or a duration from now such as 7d or
 * P7D), {@code tags}, {@code acceptance}, {@code quorum}. YAML is read with SnakeYAML's safe constructor,
 * no duplicate keys, bounded aliases, depth and size.
 */
final class BountyFile {
    static final int MAX_BYTES = 1024 * 1024;
    private static final Set<String> KEYS = Set.of("title", "description", "reward", "deadline", "tags", "acceptance",
            "quorum");

    private BountyFile() {
    }

    static BountyDraft read(Path file, Clock clock) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new Args.Usage(file + " is over " + MAX_BYTES + " bytes");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> m = name.endsWith(".json") ? json(text, file) : yaml(text, file);
        return draft(m, clock);
    }

    private static Map<String, Object> json(String text, Path file) {
        try {
            return new JSONObject(text).toMap();
        } catch (JSONException e) {
            throw new Args.Usage(file + ": not a JSON object (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text, Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(MAX_BYTES);
        try {
            Object doc = new Yaml(new SafeConstructor(options)).load(text);
            if (!(doc instanceof Map<?, ?> m)) {
                throw new Args.Usage(file + ": the file must be one mapping (title: …, reward: …)");
            }
            return (Map<String, Object>) m;
        } catch (YAMLException e) {
            throw new Args.Usage(file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    @SuppressWarnings("unchecked")
    static BountyDraft draft(Map<String, Object> m, Clock clock) {
        for (String key : m.keySet()) {
            if (!KEYS.contains(key)) {
                throw new Args.Usage("unknown field " + key + " (fields: " + String.join(", ", KEYS) + ")");
            }
        }
        Object reward = m.get("reward");
        Usdc amount = switch (reward) {
            case String s -> parseUsdc(s);
            case Integer i -> parseUsdc(Integer.toString(i));
            case Long l -> parseUsdc(Long.toString(l));
            case null -> throw new Args.Usage("reward is required, e.g. reward: \"12.5\"");
            default -> throw new Args.Usage("write the reward as a string (reward: \"" + reward
                    + "\"): a fractional number would be read as floating point");
        };
        if (!(m.get("acceptance") instanceof Map<?, ?> acceptance)) {
            throw new Args.Usage("acceptance is required: {kind: rubric, rubric: …} or {kind: tests, files: …, command: …}");
        }
        Object tags = m.getOrDefault("tags", List.of());
        if (!(tags instanceof List<?> list) || !list.stream().allMatch(t -> t instanceof String)) {
            throw new Args.Usage("tags is a list of words");
        }
        return new BountyDraft(text(m, "title", true), text(m, "description", false), amount,
                deadline(m.get("deadline"), clock), (List<String>) tags, (Map<String, Object>) acceptance,
                text(m, "quorum", false));
    }

    private static Usdc parseUsdc(String s) {
        try {
            return Usdc.parse(s);
        } catch (IllegalArgumentException e) {
            throw new Args.Usage(e.getMessage());
        }
    }

    private static Instant deadline(Object v, Clock clock) {
        return switch (v) {
            case Date d -> d.toInstant();
            case String s when s.matches("\\d{4}-.*") -> {
                try {
                    yield Instant.parse(s);
                } catch (RuntimeException e) {
                    throw new Args.Usage("deadline must be an ISO instant (2026-12-31T12:00:00Z) or a duration (7d)");
                }
            }
            case String s -> clock.instant().plus(Args.duration(s, "deadline"));
            case null -> throw new Args.Usage("deadline is required: an ISO instant or a duration from now (7d)");
            default -> throw new Args.Usage("deadline must be an ISO instant or a duration from now (7d)");
        };
    }

    private static String text(Map<String, Object> m, String key, boolean required) {
        Object v = m.get(key);
        if (v == null && required) {
            throw new Args.Usage(key + " is required");
        }
        if (v != null && !(v instanceof String)) {
            throw new Args.Usage(key + " must be text");
        }
        return (String) v;
    }
}
