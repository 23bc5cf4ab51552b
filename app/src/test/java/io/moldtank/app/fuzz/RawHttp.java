package io.moldtank.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * HTTP/1.1 over a bare socket: a fuzzer must be able to send what no client library lets through
 * (empty or repeated headers, invalid bytes, broken framing), and read whatever comes back.
 */
final class RawHttp {
    /** What came back; {@code status} 0 when the server closed without an answer. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body, long millis, boolean timedOut) {
        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.getFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} and reads one answer within {@code timeoutMillis}; after a 101, {@code upgraded}
     * gets the open socket (for WebSocket frames) before it is closed.
     */
    static Reply exchange(int port, byte[] request, int timeoutMillis, Consumer<Socket> upgraded) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            try {
                s.getOutputStream().write(request);
                s.getOutputStream().flush();
                if (upgraded == null) {
                    // the whole request is out: a server waiting for more bytes sees the end instead of hanging
                    s.shutdownOutput();
                }
            } catch (IOException e) {
                // the server may refuse before reading everything; its answer is still worth reading
            }
            Reply r = read(s.getInputStream(), start, timeoutMillis);
            if (r.status() == 101 && upgraded != null) {
                upgraded.accept(s);
            }
            return r;
        } catch (SocketTimeoutException e) {
            return new Reply(0, Map.of(), new byte[0], millis(start), true);
        } catch (IOException e) {
            return new Reply(0, Map.of(), new byte[0], millis(start), false);
        }
    }

    private static Reply read(InputStream in, long start, int timeoutMillis) throws IOException {
        String head = head(in);
        // An interim answer (100 Continue to an Expect header) is not the answer: read on to the final one.
        while (head != null && head.matches("(?s)HTTP/1\\.\\d 1(?!01)\\d\\d .*")) {
            head = head(in);
        }
        if (head == null) {
            return new Reply(0, Map.of(), new byte[0], millis(start), false);
        }
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = status == 101 || status == 204 || status == 304 ? new byte[0] : body(in, headers);
        if (millis(start) > timeoutMillis) {
            return new Reply(status, headers, body, millis(start), true);
        }
        return new Reply(status, headers, body, millis(start), false);
    }

    /** The status line and headers, up to the blank line; null when the stream ends first. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : (b == '\r' ? 1 : 0);
            if (state == 4) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        if (length != null && length.getFirst().matches("\\d{1,9}")) {
            return in.readNBytes(Integer.parseInt(length.getFirst()));
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = line(in).split(";")[0].trim();
                int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
                if (n == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(n));
                line(in);
            }
        }
        return in.readAllBytes();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
