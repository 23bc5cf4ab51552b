package io.moldtank.adapters.http.console;

import io.moldtank.adapters.http.console.Sessions.Session;

/** The frame of every page: the navigation, the outcome of the last action, sign-out; and form helpers. */
final class Layout {
    static final String[][] NAV = {
            {"needs-hands", "Needs hands"}, {"board", "Live board"}, {"money", "Money"}, {"drafts", "Drafts"},
            {"agents", "Agents"}, {"audit", "Audit log"}};

    private Layout() {
    }

    static String page(String current, String title, Session s, String flash, Html body, String... scripts) {
        Html h = head(title);
        h.open("body", "data-page", current).open("header").el("strong", "MoldTank console", "class", "brand");
        if (s != null) {
            h.open("nav");
            for (String[] item : NAV) {
                h.el("a", item[1], "href", Console.PATH + "/" + item[0], "class",
                        item[0].equals(current) ? "current" : "");
            }
            h.close("nav");
            form(h, s, Console.PATH + "/sign-out", "Sign out (" + s.operator() + ")", null);
        }
        h.close("header").open("main").el("h1", title);
        if (flash != null) {
            h.el("p", flash, "class", flash.startsWith("Not done") ? "flash refused" : "flash", "role", "status",
                    "id", "flash");
        }
        h.trusted(body.toString()).close("main");
        h.open("script", "src", Console.PATH + "/static/console.js").close("script");
        for (String script : scripts) {
            h.open("script", "src", Console.PATH + "/static/" + script).close("script");
        }
        return h.close("body").close("html").toString();
    }

    static Html head(String title) {
        return new Html().trusted("<!DOCTYPE html>").open("html", "lang", "en").open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .el("title", title + " — MoldTank console")
                .open("link", "rel", "stylesheet", "href", Console.PATH + "/static/console.css").close("head");
    }

    /**
     * A POST form with the session's CSRF token, the given inputs ({name, placeholder, "required"|""}) and
     * one button; {@code confirm} non-null asks the operator first (console.js).
     */
    static void form(Html h, Session s, String action, String label, String confirm, String[]... inputs) {
        h.open("form", "method", "post", "action", action, "class", "action", "data-confirm",
                confirm == null ? "" : confirm);
        h.open("input", "type", "hidden", "name", "csrf", "value", s.csrf());
        for (String[] in : inputs) {
            if (in[2].equals("required")) {
                h.open("input", "name", in[0], "placeholder", in[1], "aria-label", in[1], "required", "required");
            } else {
                h.open("input", "name", in[0], "placeholder", in[1], "aria-label", in[1]);
            }
        }
        h.el("button", label, "type", "submit");
        h.close("form");
    }

    /** A table head row. */
    static void headRow(Html h, String... columns) {
        h.open("thead").open("tr");
        for (String c : columns) {
            h.el("th", c);
        }
        h.close("tr").close("thead");
    }

    static void empty(Html h, String text) {
        h.el("p", text, "class", "empty");
    }
}
