package io.moldtank.domain.bounty;

import java.util.regex.Pattern;

/** The allow-list globs of a test acceptance: {@code *} and {@code ?} within one path segment, {@code **} across segments. */
public final class Globs {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.*?-]+(/[A-Za-z0-9_.*?-]+)*");

    private Globs() {
    }

    static void requireValid(String glob) {
        if (glob == null || glob.length() > 200 || !VALID.matcher(glob).matches() || glob.contains("..")) {
            throw new IllegalArgumentException("allow glob must be a relative path pattern of letters, digits, _ . - * ? and /: " + glob);
        }
    }

    public static boolean matches(String glob, String path) {
        return Pattern.matches(regex(glob), path);
    }

    private static String regex(String glob) {
        var re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slash ? "(?:[^/]+/)*" : ".*"); // "src/**/x.py" matches src/x.py too
                i += slash ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }
}
