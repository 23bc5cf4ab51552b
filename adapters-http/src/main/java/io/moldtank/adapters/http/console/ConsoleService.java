package io.moldtank.adapters.http.console;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.moldtank.adapters.http.console.Sessions.Session;
import io.moldtank.ports.out.guard.RateLimiter.BucketSpec;
import io.moldtank.ports.out.storage.OperatorAudit;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes of /console: sign-in and out, the pages, and the actions (each a POST with the session's CSRF
 * token, run through the same use cases as /api/v1/admin, written to the audit log, then a redirect
 * back to the page with the outcome: reloading never repeats an action).
 */
final class ConsoleService implements HttpService {
    static final String COOKIE = "moldtank_console";
    private static final Logger LOG = LoggerFactory.getLogger("io.moldtank.operator");
    private static final BucketSpec SIGN_IN = new BucketSpec(10, 5);

    private final Console.Parts parts;
    private final Sessions sessions;
    private final Pages pages;
    private final Actions actions;

    ConsoleService(Console.Parts parts, Sessions sessions) {
        this.parts = parts;
        this.sessions = sessions;
        this.pages = new Pages(parts);
        this.actions = new Actions(parts);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any((req, res) -> {
            Headers.secure(res);
            res.next();
        });
        rules.get("/", (req, res) -> redirect(res, Console.PATH + "/needs-hands"))
                .get("/static/{file}", Assets::serve)
                .get("/sign-in", (req, res) -> html(res, 200, pages.signIn(null)))
                .post("/sign-in", this::signIn)
                .post("/sign-out", this::signOut);
        pages.routes().forEach((path, page) -> rules.get(path, (req, res) -> page(req, res, page)));
        actions.routes().forEach((path, action) -> rules.post(path, (req, res) -> act(req, res, action)));
    }

    private void page(ServerRequest req, ServerResponse res, Pages.Page page) {
        Optional<Session> s = session(req);
        if (s.isEmpty()) {
            redirect(res, Console.PATH + "/sign-in");
            return;
        }
        try {
            html(res, 200, page.render(req, s.get(), sessions.takeFlash(s.get().id())));
        } catch (Refusal r) {
            html(res, r.status(), pages.error(s.get(), r.getMessage()));
        }
    }

    private void act(ServerRequest req, ServerResponse res, Actions.Action action) {
        Optional<Session> found = session(req);
        if (found.isEmpty()) {
            html(res, 401, pages.signIn("Your session ended: sign in again."));
            return;
        }
        Session s = found.get();
        Form form;
        try {
            form = Form.read(req);
            sameOrigin(req);
            if (!MessageDigest.isEqual(bytes(form.get("csrf")), bytes(s.csrf()))) {
                throw new Refusal(403, "the form's CSRF token is missing or wrong; reload the page and try again");
            }
        } catch (Refusal r) {
            audit(s.operator(), action.name(), req.path().path(), null, null, "refused", r.getMessage());
            html(res, r.status(), pages.error(s, r.getMessage()));
            return;
        }
        String target = req.path().pathParameters().first("id").orElse("-");
        try {
            Actions.Done done = action.run(req, form, s.operator());
            audit(s.operator(), action.name(), done.target() == null ? target : done.target(), done.before(),
                    done.after(), "done", form.get("note").isEmpty() ? form.get("reason") : form.get("note"));
            sessions.flash(s.id(), done.message());
        } catch (Refusal r) {
            audit(s.operator(), action.name(), target, null, null, r.status() == 404 ? "not-found" : "refused",
                    r.getMessage());
            sessions.flash(s.id(), "Not done: " + r.getMessage());
        }
        redirect(res, action.back(req));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        String ip = req.remotePeer().address() instanceof InetSocketAddress a ? a.getAddress().getHostAddress() : "?";
        try {
            sameOrigin(req);
            if (!parts.limiter().tryTake("console-sign-in:" + ip, SIGN_IN).allowed()) {
                throw new Refusal(429, "too many sign-in attempts; wait a minute");
            }
            Form form = Form.read(req);
            if (!MessageDigest.isEqual(sha256(form.get("token")), sha256(parts.operator().token()))) {
                throw new Refusal(401, "wrong operator token");
            }
        } catch (Refusal r) {
            audit("-", "sign-in", ip, null, null, "refused", r.getMessage());
            html(res, r.status(), pages.signIn(r.getMessage()));
            return;
        }
        Session s = sessions.start(parts.operator().name());
        audit(s.operator(), "sign-in", ip, null, null, "done", null);
        res.header(HeaderNames.SET_COOKIE, COOKIE + "=" + s.id() + "; Path=" + Console.PATH
                + "; HttpOnly; Secure; SameSite=Strict; Max-Age=" + sessions.lifetime().toSeconds());
        redirect(res, Console.PATH + "/needs-hands");
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        session(req).ifPresent(s -> {
            Form form = Form.read(req);
            if (MessageDigest.isEqual(bytes(form.get("csrf")), bytes(s.csrf()))) {
                sessions.end(s.id());
                audit(s.operator(), "sign-out", "-", null, null, "done", null);
            }
        });
        res.header(HeaderNames.SET_COOKIE, COOKIE + "=; Path=" + Console.PATH
                + "; HttpOnly; Secure; SameSite=Strict; Max-Age=0");
        redirect(res, Console.PATH + "/sign-in");
    }

    private Optional<Session> session(ServerRequest req) {
        return req.headers().cookies().first(COOKIE).flatMap(sessions::find);
    }

    /** A browser names the page a POST came from; a form posted from another site is refused. */
    private static void sameOrigin(ServerRequest req) {
        String site = req.headers().first(HeaderNames.create("Sec-Fetch-Site")).orElse("same-origin");
        if (!site.equals("same-origin") && !site.equals("none")) {
            throw new Refusal(403, "cross-site form posts are refused");
        }
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        Optional<String> host = req.headers().first(HeaderNames.HOST);
        if (origin.isPresent() && host.isPresent() && !origin.get().replaceFirst("^https?://", "").equals(host.get())) {
            throw new Refusal(403, "cross-origin form posts are refused");
        }
    }

    private void audit(String operator, String action, String target, String before, String after, String outcome,
                       String note) {
        parts.audit().append(new OperatorAudit.Entry(0, parts.clock().instant(), operator, action, target, before,
                after, outcome, note == null || note.isEmpty() ? null : note));
        LOG.atInfo().addKeyValue("event", "operator-action").addKeyValue("operator", operator)
                .addKeyValue("action", "console-" + action).addKeyValue("target", target)
                .addKeyValue("outcome", outcome).log("console action {} on {}: {}", action, target, outcome);
    }

    static void html(ServerResponse res, int status, String body) {
        res.status(Status.create(status)).header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8").send(body);
    }

    static void redirect(ServerResponse res, String location) {
        res.status(Status.SEE_OTHER_303).header(HeaderNames.LOCATION, location).send();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes(s));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
