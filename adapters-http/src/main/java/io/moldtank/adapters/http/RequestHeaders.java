package io.moldtank.adapters.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpMediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one place request headers are read. A header the API relies on (credentials, timestamps, nonces,
 * idempotency keys, the body's media type) is either absent or sent once: two values would let a proxy
 * and this server each believe a different one, so a repeat is refused (400, the header named) instead
 * of taking the first. Empty and malformed values are refused by whoever knows their shape, never parsed
 * into a null or an exception.
 */
final class RequestHeaders {
    /** type "/" subtype, both RFC 9110 tokens. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private RequestHeaders() {
    }

    /** The value when the header is present once (possibly empty); 400 when it is repeated. */
    static Optional<String> single(Headers headers, HeaderName name) {
        if (!headers.contains(name)) {
            return Optional.empty();
        }
        List<String> values = headers.get(name).allValues();
        if (values.size() > 1) {
            throw ApiProblem.invalid(name.defaultCase(), "sent more than once; send it once");
        }
        return values.isEmpty() ? Optional.of("") : Optional.of(values.getFirst());
    }

    /** The value, or a 401 naming what is missing: for the headers that carry credentials. */
    static String credential(Headers headers, HeaderName name, String missing) {
        return single(headers, name).orElseThrow(() -> ApiProblem.unauthorized(missing));
    }

    /**
     * The body's media type without parameters, lower case ({@code application/json}); empty when no
     * Content-Type was sent; 400 when one was sent that is no media type (empty, "/", "a/b/c", …), which
     * Helidon's own parser answers with an exception.
     */
    static Optional<String> mediaType(Headers headers) {
        Optional<String> raw = single(headers, HeaderNames.CONTENT_TYPE);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get();
        int semicolon = value.indexOf(';');
        String type = (semicolon < 0 ? value : value.substring(0, semicolon)).strip();
        if (!MEDIA_TYPE.matcher(type).matches()) {
            throw ApiProblem.invalid("Content-Type", "a media type such as application/json");
        }
        try {
            // parameters too: Helidon's parser throws on a broken one ("application/json; charset=\"")
            HttpMediaType.create(value);
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("Content-Type", "a media type such as application/json; charset=utf-8");
        }
        return Optional.of(type.toLowerCase(Locale.ROOT));
    }
}
