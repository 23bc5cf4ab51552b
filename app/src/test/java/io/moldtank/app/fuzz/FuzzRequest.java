package io.moldtank.app.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One fuzz input, kept symbolic so it can be stored and replayed later against a fresh server:
 * {@code {open}}, {@code {agent0}}, {@code {future}} and the like in path, query and body name the
 * {@link World}'s fixtures; {@code auth} says who signs ({@code none}, {@code agent0..2},
 * {@code register}, {@code operator}, {@code forged}), and the signature is made at send time over
 * the body as sent. {@code edits} change headers after signing.
 *
 * @param kind {@code http}; {@code raw} (body is sent as the whole request); {@code ws} (an upgrade,
 *             then body is sent as frames)
 */
record FuzzRequest(String kind, String method, String path, String query, byte[] body, String auth,
                   List<Edit> edits, String note) {

    /** A header change after signing: {@code set} (replace all), {@code add} (one more), {@code remove}. */
    record Edit(String op, String name, String value) {
    }

    FuzzRequest {
        edits = List.copyOf(edits);
        body = body == null ? new byte[0] : body;
    }

    static FuzzRequest http(String method, String path, String query, String body, String auth, String note) {
        return new FuzzRequest("http", method, path, query, body.getBytes(StandardCharsets.UTF_8), auth, List.of(), note);
    }

    FuzzRequest withEdits(List<Edit> more) {
        List<Edit> all = new java.util.ArrayList<>(edits);
        all.addAll(more);
        return new FuzzRequest(kind, method, path, query, body, auth, all, note);
    }

    FuzzRequest withNote(String text) {
        return new FuzzRequest(kind, method, path, query, body, auth, edits, text);
    }

    @Override
    public String toString() {
        String b = new String(body, StandardCharsets.UTF_8);
        return kind + " " + method + " " + path + (query == null ? "" : "?" + query) + " auth=" + auth + " edits="
                + edits + " body=" + (b.length() > 300 ? b.substring(0, 300) + "…(" + body.length + " bytes)" : b)
                + (note == null ? "" : " [" + note + "]");
    }
}
