package io.moldtank.adapters.http.console;

import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.bounty.SubmissionStatus;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.out.events.EventFeed;
import io.moldtank.ports.out.storage.BountyQuery;
import java.util.List;

/**
 * Open bounties with their queue depth and latest events. board.js follows each bounty's WebSocket
 * stream from the last event rendered here, so new events appear without a reload.
 */
final class BoardPage {
    static final int BOUNTIES = 30;
    static final int EVENTS = 5;
    private final Console.Parts parts;

    BoardPage(Console.Parts parts) {
        this.parts = parts;
    }

    Html body() {
        List<BountySnapshot> open = parts.core().browsing().bounties(new BountyQuery(BountyStatus.OPEN, null, null, null,
                BountyQuery.Sort.NEWEST, null, BOUNTIES)).items();
        Html h = new Html();
        h.el("p", "connecting…", "id", "live-state", "class", "live-state connecting", "role", "status");
        h.open("section", "id", "open-bounties").el("h2", "Open bounties (" + open.size() + ")");
        if (open.isEmpty()) {
            Layout.empty(h, "No open bounties.");
            return h.close("section");
        }
        h.open("table", "class", "board");
        Layout.headRow(h, "Bounty", "Reward", "Deadline", "In queue", "Latest events");
        h.open("tbody");
        for (BountySnapshot b : open) {
            List<EventFeed.Entry> events = parts.feed().eventsOf(b.id(), 0, 10_000);
            long last = events.isEmpty() ? 0 : events.getLast().id();
            h.open("tr", "data-bounty", b.id().value().toString(), "data-after", String.valueOf(last))
                    .open("td").el("span", b.terms().title(), "class", "title")
                    .el("small", Ids.shortId(b.id().value()), "title", b.id().value().toString()).close("td")
                    .el("td", b.terms().reward().toDecimalString() + " USDC")
                    .el("td", b.terms().deadline())
                    .el("td", queued(b), "class", "depth")
                    .open("td").open("ul", "class", "events");
            for (EventFeed.Entry e : events.subList(Math.max(0, events.size() - EVENTS), events.size())) {
                h.el("li", e.event().occurredAt() + " " + e.event().getClass().getSimpleName());
            }
            h.close("ul").close("td").close("tr");
        }
        return h.close("tbody").close("table").close("section");
    }

    private long queued(BountySnapshot b) {
        return switch (parts.core().browsing().submissionsOf(b.id())) {
            case Outcome.Done<List<SubmissionSnapshot>> d -> d.value().stream()
                    .filter(s -> s.status() == SubmissionStatus.QUEUED || s.status() == SubmissionStatus.VALIDATING)
                    .count();
            default -> 0;
        };
    }
}
