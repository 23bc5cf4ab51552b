package io.moldtank.domain.shared;

/**
 * Text from another system (an A2A card, a Moltbook profile): control and format characters become
 * spaces, surrounding space goes, length is capped.
 */
public final class UntrustedText {
    private UntrustedText() {
    }

    /** Cleaned and capped; null stays null. */
    public static String optional(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT ? ' ' : cp));
        String clean = out.toString().strip();
        if (clean.length() <= max) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
        return clean.substring(0, end);
    }

    /** Cleaned and capped; refuses a missing or blank value naming {@code field}. */
    public static String required(String field, String text, int max) {
        String clean = optional(text, max);
        if (clean == null || clean.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return clean;
    }
}
