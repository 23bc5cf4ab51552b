package io.moldtank.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/** The text rules of request JSON that Jackson does not enforce by itself (see {@link Json#read}). */
final class JsonText {
    private JsonText() {
    }

    /**
     * The body decoded as strict UTF-8. Jackson would guess UTF-16 or UTF-32 from the first bytes and
     * decode surrogate code points written as UTF-8 bytes; RFC 8259 requires UTF-8, and neither form can
     * be stored or echoed safely.
     */
    static String utf8(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.invalid("", "the body is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            throw ApiProblem.invalid("", "the body starts with a byte order mark; send plain UTF-8");
        }
        return text;
    }

    /** Refuses a key or string with a lone surrogate (from a \\u escape) or a NUL, naming its path. */
    static void checkStrings(JsonNode node, String path) {
        if (node.isTextual()) {
            check(node.textValue(), path);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                check(e.getKey(), path.isEmpty() ? "(key)" : path + ".(key)");
                checkStrings(e.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkStrings(node.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i);
            }
        }
    }

    private static void check(String s, String path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw ApiProblem.invalid(safe(path), "contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiProblem.invalid(safe(path), "contains a lone UTF-16 surrogate (\\u" + Integer.toHexString(c) + ")");
            }
        }
    }

    /** A path to echo in the answer: a key may be the very thing that cannot be written. */
    private static String safe(String path) {
        StringBuilder sb = new StringBuilder();
        path.codePoints().forEach(cp -> sb.append(cp == 0 || Character.isSurrogate((char) cp) && cp < 0x10000 ? '?'
                : Character.toString(cp)));
        return sb.length() > 200 ? sb.substring(0, 200) : sb.toString();
    }
}
