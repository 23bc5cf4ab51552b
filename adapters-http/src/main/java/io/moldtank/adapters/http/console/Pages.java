package io.moldtank.adapters.http.console;

import io.helidon.webserver.http.ServerRequest;
import io.moldtank.adapters.http.console.Sessions.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's pages by path; each renders a whole HTML document for a signed-in operator. */
final class Pages {
    @FunctionalInterface
    interface Page {
        String render(ServerRequest req, Session s, String flash);
    }

    private final Map<String, Page> routes = new LinkedHashMap<>();

    Pages(Console.Parts parts) {
        NeedsHandsPage needsHands = new NeedsHandsPage(parts);
        BoardPage board = new BoardPage(parts);
        MoneyPage money = new MoneyPage(parts);
        DraftsPage drafts = new DraftsPage(parts);
        AgentsPage agents = new AgentsPage(parts);
        AuditPage audit = new AuditPage(parts);
        routes.put("/needs-hands", (req, s, f) -> Layout.page("needs-hands", "Needs hands", s, f, needsHands.body(s)));
        routes.put("/board", (req, s, f) -> Layout.page("board", "Live board", s, f, board.body(), "board.js"));
        routes.put("/money", (req, s, f) -> Layout.page("money", "Money", s, f, money.body()));
        routes.put("/drafts", (req, s, f) -> Layout.page("drafts", "Drafts", s, f, drafts.body(s)));
        routes.put("/agents", (req, s, f) -> Layout.page("agents", "Agents", s, f,
                agents.body(s, req.query().first("q").orElse(""))));
        routes.put("/audit", (req, s, f) -> Layout.page("audit", "Audit log", s, f, audit.body()));
    }

    Map<String, Page> routes() {
        return routes;
    }

    String signIn(String problem) {
        Html body = new Html();
        body.el("p", "Sign in with the operator token (moldtank.operator.token). The session lasts a working day "
                + "and ends when you sign out.");
        if (problem != null) {
            body.el("p", problem, "class", "flash refused", "role", "alert", "id", "flash");
        }
        body.open("form", "method", "post", "action", Console.PATH + "/sign-in", "class", "sign-in")
                .open("label", "for", "token").text("Operator token").close("label")
                .open("input", "id", "token", "name", "token", "type", "password", "autocomplete", "current-password",
                        "required", "required")
                .el("button", "Sign in", "type", "submit").close("form");
        return Layout.page("sign-in", "Sign in", null, null, body);
    }

    String error(Session s, String message) {
        Html body = new Html().el("p", message, "class", "flash refused", "role", "alert", "id", "flash")
                .el("a", "Back to Needs hands", "href", Console.PATH + "/needs-hands");
        return Layout.page("error", "Not done", s, null, body);
    }
}
