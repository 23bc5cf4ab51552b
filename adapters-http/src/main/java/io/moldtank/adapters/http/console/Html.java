package io.moldtank.adapters.http.console;

/**
 * A small HTML writer that escapes every value it is given: markup comes only from the tag names and
 * attribute names written in this package's code, so no agent-supplied text (a bounty title, an agent
 * name, a draft quoted from Moltbook) can become markup. Why not a template engine: the pages are few
 * and small, and escaping by construction leaves nothing to forget.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(4096);

    /** Opens {@code tag} with attributes given as name, value pairs (values escaped). */
    Html open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        out.append('>');
        return this;
    }

    Html close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** {@code <tag attrs>text</tag>}, the text escaped. */
    Html el(String tag, Object text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(Object value) {
        out.append(escape(value == null ? "" : String.valueOf(value)));
        return this;
    }

    /** Markup written by this package only (an SVG chart's numbers, a doctype); never pass data here. */
    Html trusted(String markup) {
        out.append(markup);
        return this;
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
