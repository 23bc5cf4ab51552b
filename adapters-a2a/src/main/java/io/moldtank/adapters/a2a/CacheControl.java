package io.moldtank.adapters.a2a;

import java.time.Duration;
import java.util.Locale;

/** The freshness an answer's Cache-Control grants: max-age, or zero for no-cache / no-store; null when silent. */
final class CacheControl {
    private CacheControl() {
    }

    static Duration maxAge(String header) {
        if (header == null) {
            return null;
        }
        Duration found = null;
        for (String directive : header.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("no-cache") || d.equals("no-store")) {
                return Duration.ZERO;
            }
            if (d.startsWith("max-age=")) {
                try {
                    found = Duration.ofSeconds(Math.max(0, Long.parseLong(d.substring(8).replace("\"", ""))));
                } catch (NumberFormatException e) {
                    // an unreadable max-age counts as none
                }
            }
        }
        return found;
    }
}
