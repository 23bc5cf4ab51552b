package io.moldtank.client.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command line split into positionals, {@code --name value} options and {@code --flag}s; unknown names are usage errors. */
final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    /** {@code valued}: options that take a value; {@code switches}: options that do not. */
    Args(List<String> words, Set<String> valued, Set<String> switches) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--")) {
                String name = w.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (switches.contains(name) && value == null) {
                    flags.add(name);
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= words.size()) {
                            throw new Usage("--" + name + " needs a value");
                        }
                        value = words.get(++i);
                    }
                    if (options.put(name, value) != null) {
                        throw new Usage("--" + name + " given twice");
                    }
                } else {
                    throw new Usage("unknown option --" + name);
                }
            } else {
                positional.add(w);
            }
        }
    }

    String positional(int i, String what) {
        if (i >= positional.size()) {
            throw new Usage("missing " + what);
        }
        return positional.get(i);
    }

    int positionals() {
        return positional.size();
    }

    void atMost(int count) {
        if (positional.size() > count) {
            throw new Usage("unexpected argument " + positional.get(count));
        }
    }

    String option(String name) {
        return options.get(name);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    int intOption(String name, int fallback, int min, int max) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        if (!v.matches("\\d{1,9}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            throw new Usage("--" + name + " must be a whole number " + min + ".." + max);
        }
        return Integer.parseInt(v);
    }

    /** "90s", "10m", "2h", "1d" or ISO-8601 ("PT10M"). */
    static Duration duration(String text, String name) {
        try {
            if (text.matches("\\d{1,9}[smhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (RuntimeException e) {
            throw new Usage(name + " must be a duration such as 90s, 10m, 2h, 1d or PT10M: " + text);
        }
    }

    /** A usage error: exit code 2 with the message. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
