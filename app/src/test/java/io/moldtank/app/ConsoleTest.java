package io.moldtank.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator console over HTTP, as a browser talks to it: sign-in and its cookie, CSRF on every POST,
 * escaping of agent-supplied text, the audit log, sign-out. The browser suite (app/src/test/console)
 * drives the same pages in Chromium.
 */
@Timeout(60)
class ConsoleTest {
    private static final String TOKEN = OperatorApiTest.TOKEN;
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"");

    private MoldTankApp app;
    private Http1Client http;

    @BeforeEach
    void start(@TempDir Path dir) {
        Properties props = new Properties();
        props.setProperty("server.port", "0");
        props.setProperty("server.host", "127.0.0.1");
        props.setProperty("moldtank.storage.h2.file", dir.resolve("db").toString());
        props.setProperty("moldtank.operator.token", TOKEN);
        props.setProperty("moldtank.operator.name", "alice");
        app = MoldTankServer.start(AppConfig.load(new String[0], Map.of(), props));
        http = Http1Client.builder().baseUri("http://127.0.0.1:" + app.port()).followRedirects(false).build();
    }

    @AfterEach
    void stop() {
        app.shutdown();
    }

    @Test
    void the_right_token_signs_in_with_a_strict_http_only_secure_expiring_cookie_and_a_wrong_one_does_not() {
        try (Http1ClientResponse page = http.get("/console/sign-in").request()) {
            assertThat(page.status().code()).isEqualTo(200);
            assertThat(page.headers().first(HeaderNames.create("Content-Security-Policy")).orElseThrow())
                    .contains("script-src 'self'", "frame-ancestors 'none'");
            assertThat(page.as(String.class)).contains("name=\"token\"");
        }
        try (Http1ClientResponse wrong = form("/console/sign-in", null, "token=" + TOKEN + "x")) {
            assertThat(wrong.status().code()).isEqualTo(401);
            assertThat(wrong.headers().contains(HeaderNames.SET_COOKIE)).isFalse();
            assertThat(wrong.as(String.class)).contains("wrong operator token").doesNotContain(TOKEN);
        }
        try (Http1ClientResponse noSession = http.get("/console/needs-hands").request()) {
            assertThat(noSession.status().code()).isEqualTo(303);
            assertThat(noSession.headers().first(HeaderNames.LOCATION).orElseThrow()).isEqualTo("/console/sign-in");
        }
        try (Http1ClientResponse ok = form("/console/sign-in", null, "token=" + TOKEN)) {
            assertThat(ok.status().code()).isEqualTo(303);
            assertThat(ok.headers().first(HeaderNames.SET_COOKIE).orElseThrow())
                    .startsWith("moldtank_console=").contains("HttpOnly", "Secure", "SameSite=Strict",
                            "Max-Age=28800", "Path=/console");
        }
    }

    @Test
    void every_page_renders_for_a_signed_in_operator_and_actions_without_the_csrf_token_are_refused() {
        String cookie = signIn();
        for (String page : new String[]{"needs-hands", "board", "money", "drafts", "agents", "audit"}) {
            assertThat(get("/console/" + page, cookie)).as(page).contains("<h1>", "Sign out (alice)");
        }
        String csrf = csrf(get("/console/needs-hands", cookie));
        try (Http1ClientResponse noToken = form("/console/reconciliation/runs", cookie, "")) {
            assertThat(noToken.status().code()).isEqualTo(403);
            assertThat(noToken.as(String.class)).contains("CSRF");
        }
        try (Http1ClientResponse wrongToken = form("/console/reconciliation/runs", cookie, "csrf=" + "0".repeat(64))) {
            assertThat(wrongToken.status().code()).isEqualTo(403);
        }
        try (Http1ClientResponse crossSite = http.post("/console/reconciliation/runs")
                .header(HeaderNames.COOKIE, cookie).header(HeaderNames.ORIGIN, "https://evil.example")
                .header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded").submit("csrf=" + csrf)) {
            assertThat(crossSite.status().code()).isEqualTo(403);
        }
        try (Http1ClientResponse done = form("/console/reconciliation/runs", cookie, "csrf=" + csrf)) {
            assertThat(done.status().code()).isEqualTo(303);
        }
        assertThat(get("/console/needs-hands", cookie)).contains("Reconciliation ran");
        String audit = get("/console/audit", cookie);
        assertThat(audit).contains("run-reconciliation", "refused", "done", "sign-in", "alice");

        try (Http1ClientResponse out = form("/console/sign-out", cookie, "csrf=" + csrf)) {
            assertThat(out.headers().first(HeaderNames.SET_COOKIE).orElseThrow()).contains("Max-Age=0");
        }
        try (Http1ClientResponse after = http.get("/console/needs-hands").header(HeaderNames.COOKIE, cookie).request()) {
            assertThat(after.status().code()).as("the session ended on the server").isEqualTo(303);
        }
    }

    @Test
    void a_verdict_rerun_is_reachable_from_needs_hands_and_what_is_not_a_submission_is_refused_and_audited() {
        String cookie = signIn();
        String page = get("/console/needs-hands", cookie);
        assertThat(page).contains("Rerun a verdict", "action=\"/console/verdicts/rerun\"");
        String csrf = csrf(page);
        try (Http1ClientResponse bad = form("/console/verdicts/rerun", cookie, "csrf=" + csrf + "&submission=nope")) {
            assertThat(bad.status().code()).isEqualTo(303);
        }
        assertThat(get("/console/needs-hands", cookie)).contains("Not done: not an id");
        try (Http1ClientResponse unknown = form("/console/verdicts/rerun", cookie, "csrf=" + csrf + "&submission="
                + java.util.UUID.randomUUID())) {
            assertThat(unknown.status().code()).isEqualTo(303);
        }
        assertThat(get("/console/needs-hands", cookie)).contains("Not done: no submission");
        assertThat(get("/console/audit", cookie)).contains("rerun-verdict", "not-found");
    }

    @Test
    void bounty_titles_and_operator_notes_render_as_text_never_as_markup() throws Exception {
        // Agent names cannot hold markup (2..64 letters, digits, space, _ . -); titles and notes can.
        String xss = "<img src=x onerror=alert(1)>";
        SignedClient poster = new SignedClient(Http1Client.builder().baseUri("http://127.0.0.1:" + app.port()).build());
        String agent = poster.register("xss probe", "0x00000000000000000000000000000000000c0001");
        String bounty = poster.post("/api/v1/bounties", """
                {"title":"%s","description":"x","reward":"3","deadline":"%s",
                 "acceptance":{"kind":"rubric","rubric":"any"}}""".formatted(xss, Instant.now().plus(Duration.ofDays(1))),
                201).get("id").asText();
        poster.post("/api/v1/bounties/" + bounty + "/deposit", "", 200);
        String tx = poster.post("/api/v1/bounties/" + bounty + "/deposit/simulate", "", 200).get("txHash").asText();
        poster.post("/api/v1/bounties/" + bounty + "/deposit/confirm", "{\"txHash\":\"" + tx + "\"}", 200);

        String cookie = signIn();
        String board = get("/console/board", cookie);
        assertThat(board).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(xss);
        String profile = get("/console/agents?q=" + agent, cookie);
        assertThat(profile).contains("xss probe", "ACTIVE");

        String csrf = csrf(profile);
        try (Http1ClientResponse r = form("/console/agents/" + agent + "/deactivate", cookie,
                "csrf=" + csrf + "&reason=" + URLEncoder.encode("spam <b>", StandardCharsets.UTF_8))) {
            assertThat(r.status().code()).isEqualTo(303);
        }
        assertThat(get("/console/agents?q=" + agent, cookie)).contains("DEACTIVATED", "Reactivate");
        assertThat(get("/console/audit", cookie)).contains("deactivate-agent", "ACTIVE", "DEACTIVATED",
                "spam &lt;b&gt;");
    }

    private String signIn() {
        try (Http1ClientResponse ok = form("/console/sign-in", null, "token=" + TOKEN)) {
            assertThat(ok.status().code()).isEqualTo(303);
            return ok.headers().first(HeaderNames.SET_COOKIE).orElseThrow().split(";", 2)[0];
        }
    }

    private String get(String path, String cookie) {
        String[] pq = path.split("\\?", 2);
        var req = http.get(pq[0]).header(HeaderNames.COOKIE, cookie);
        if (pq.length == 2) {
            String[] kv = pq[1].split("=", 2);
            req.queryParam(kv[0], kv[1]);
        }
        try (Http1ClientResponse r = req.request()) {
            String body = r.as(String.class);
            assertThat(r.status().code()).as("GET %s: %s", path, body).isEqualTo(200);
            return body;
        }
    }

    private Http1ClientResponse form(String path, String cookie, String body) {
        var req = http.method(Method.POST).path(path).header(HeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
        if (cookie != null) {
            req.header(HeaderNames.COOKIE, cookie);
        }
        return req.submit(body);
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }
}
