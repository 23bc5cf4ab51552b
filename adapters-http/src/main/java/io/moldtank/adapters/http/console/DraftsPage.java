package io.moldtank.adapters.http.console;

import io.moldtank.adapters.http.console.Sessions.Session;
import io.moldtank.domain.scraper.ScrapedDraft;
import io.moldtank.domain.scraper.ScraperRun;
import java.util.List;

/** The scraper's pending drafts (approve with edits, reject with a note) and its latest runs. */
final class DraftsPage {
    static final int LIMIT = 100;
    private final Console.Parts parts;

    DraftsPage(Console.Parts parts) {
        this.parts = parts;
    }

    Html body(Session s) {
        Html h = new Html();
        if (parts.scraper() == null) {
            Layout.empty(h, "The Moltbook scraper is off on this node (set moldtank.scraper.api-key): no drafts.");
            return h;
        }
        List<ScrapedDraft> drafts = parts.scraper().drafts().drafts(ScrapedDraft.Status.PENDING, LIMIT);
        h.open("section", "id", "drafts").el("h2", "Pending drafts (" + drafts.size() + ")");
        if (drafts.isEmpty()) {
            Layout.empty(h, "No drafts wait for review.");
        }
        for (ScrapedDraft d : drafts) {
            String path = Console.PATH + "/drafts/" + d.id();
            h.open("article", "class", "draft", "data-draft", d.id().toString())
                    .el("h3", d.title())
                    .open("p", "class", "hint").text("score " + String.format("%.2f", d.score()) + " · proposed reward "
                            + d.reward().toDecimalString() + " USDC · ")
                    .el("a", "source post", "href", safeLink(d.sourceUrl()), "rel", "noopener noreferrer").close("p")
                    .el("pre", d.description(), "class", "quoted");
            Layout.form(h, s, path + "/approve", "Approve", "Create a DRAFT bounty from this?",
                    new String[]{"title", "title (blank: keep)", ""}, new String[]{"reward", "reward USDC (blank: keep)", ""});
            Layout.form(h, s, path + "/reject", "Reject", null, new String[]{"note", "why", "required"});
            h.close("article");
        }
        h.close("section");
        h.open("section", "id", "scraper-runs").el("h2", "Scraper runs");
        Layout.form(h, s, Console.PATH + "/scraper/runs", "Run the scraper now", "Run the scraper now?");
        h.open("table");
        Layout.headRow(h, "Started", "Outcome", "Posts", "Drafts", "429s", "Errors", "Node");
        h.open("tbody");
        for (ScraperRun r : parts.scraper().runs().runs(20)) {
            h.open("tr").el("td", r.startedAt()).el("td", r.outcome()).el("td", r.postsSeen())
                    .el("td", r.draftsCreated()).el("td", r.rateLimited()).el("td", r.errors().size()).el("td", r.node())
                    .close("tr");
        }
        return h.close("tbody").close("table").close("section");
    }

    /** Only http(s) links become hrefs: an escaped {@code javascript:} URL would still run when clicked. */
    static String safeLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : "#";
    }
}
