package io.moldtank.adapters.http;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers for requests Helidon refuses before routing (a broken request line or header, a URI or headers
 * too long, a refused WebSocket upgrade): problem+json like every other error, instead of Helidon's
 * text/plain. Helidon reports a few malformed prologues (a control character in the method) as an internal
 * error wrapping an IllegalArgumentException, and a request whose headers end early (the client closed
 * its side) as one wrapping InsufficientDataAvailableException; both are the client's bad request.
 */
final class ConnectionProblems implements DirectHandler {
    private static final System.Logger LOG = System.getLogger(ConnectionProblems.class.getName());

    static DirectHandlers handlers() {
        ConnectionProblems h = new ConnectionProblems();
        DirectHandlers.Builder b = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            b.addHandler(type, h);
        }
        return b.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType event, Status status,
                                    ServerResponseHeaders headers, Throwable thrown, System.Logger logger) {
        int code = status.code();
        if (code >= 500 && (causedBy(thrown, IllegalArgumentException.class)
                || causedBy(thrown, DataReader.InsufficientDataAvailableException.class))) {
            code = 400;
        }
        if (code >= 500) {
            LOG.log(System.Logger.Level.ERROR, "connection-level error on " + request.method() + " " + request.path(),
                    thrown);
        }
        String detail = code >= 500 ? "" : thrown == null || thrown.getMessage() == null ? status.reasonPhrase()
                : firstLine(thrown.getMessage());
        return answer(event, code, headers, detail);
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType event, Status status,
                                    ServerResponseHeaders headers, String message) {
        return answer(event, status.code(), headers, message == null ? status.reasonPhrase() : firstLine(message));
    }

    private static TransportResponse answer(EventType event, int status, ServerResponseHeaders headers, String detail) {
        ApiProblem p = ApiProblem.ofStatus(status, detail);
        headers.set(HeaderNames.CONTENT_TYPE, "application/problem+json");
        return TransportResponse.builder().status(Status.create(p.status())).headers(headers)
                .keepAlive(event.keepAlive() && status < 500).entity(Problems.body(p)).build();
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** Helidon's messages append a hex dump of the bytes; the first line says what is wrong. */
    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = (nl < 0 ? message : message.substring(0, nl)).strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
