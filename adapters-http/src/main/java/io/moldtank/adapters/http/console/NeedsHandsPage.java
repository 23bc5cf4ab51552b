package io.moldtank.adapters.http.console;

import io.moldtank.adapters.http.console.Sessions.Session;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.payout.Payout;
import io.moldtank.ports.out.storage.DifferenceLog.DifferenceRecord;
import java.util.List;

/** What waits for a person: parked payouts, dead-lettered submissions, open reconciliation differences. */
final class NeedsHandsPage {
    static final int LIMIT = 100;
    private final Console.Parts parts;

    NeedsHandsPage(Console.Parts parts) {
        this.parts = parts;
    }

    Html body(Session s) {
        Html h = new Html();
        parked(h, s, parts.core().payingOut().parked(LIMIT));
        deadLetters(h, s, parts.core().validating().deadLettered(LIMIT));
        differences(h, s);
        return h;
    }

    private static void parked(Html h, Session s, List<Payout> payouts) {
        h.open("section", "id", "parked-payouts").el("h2", "Parked payouts (" + payouts.size() + ")");
        h.el("p", "Five tries failed. Retry asks the chain first, so it never pays twice; resolve records a payment "
                + "made by hand with its transaction.", "class", "hint");
        if (payouts.isEmpty()) {
            Layout.empty(h, "No parked payouts.");
        } else {
            h.open("table");
            Layout.headRow(h, "Payout", "Bounty", "Amount", "To", "Attempts", "Last error", "Since", "Act");
            h.open("tbody");
            for (Payout p : payouts) {
                String path = Console.PATH + "/payouts/" + p.id().value();
                h.open("tr", "data-payout", p.id().value().toString())
                        .el("td", Ids.shortId(p.id().value()), "title", p.id().value().toString())
                        .el("td", Ids.shortId(p.bountyId().value()), "title", p.bountyId().value().toString())
                        .el("td", p.amount().toDecimalString() + " USDC")
                        .el("td", p.endpoint() == null ? p.wallet().hex() : p.endpoint())
                        .el("td", p.attempts())
                        .el("td", p.lastError(), "class", "error")
                        .el("td", p.createdAt())
                        .open("td", "class", "actions");
                Layout.form(h, s, path + "/retry", "Retry", "Retry this payout now?");
                Layout.form(h, s, path + "/resolve", "Resolve", "Record this payout as paid by hand?",
                        new String[]{"txHash", "tx hash 0x…", "required"}, new String[]{"note", "note", "required"});
                h.close("td").close("tr");
            }
            h.close("tbody").close("table");
        }
        h.close("section");
    }

    private static void deadLetters(Html h, Session s, List<SubmissionSnapshot> subs) {
        h.open("section", "id", "dead-letters").el("h2", "Dead-lettered submissions (" + subs.size() + ")");
        h.el("p", "No judge could decide these. Requeue gives one more round (after fixing the judge); pass or "
                + "reject decides by hand.", "class", "hint");
        if (subs.isEmpty()) {
            Layout.empty(h, "No dead-lettered submissions.");
        } else {
            h.open("table");
            Layout.headRow(h, "Submission", "Bounty", "Agent", "Attempts", "Last error", "Votes", "Act");
            h.open("tbody");
            for (SubmissionSnapshot sub : subs) {
                String path = Console.PATH + "/submissions/" + sub.id().value();
                h.open("tr", "data-submission", sub.id().value().toString())
                        .el("td", Ids.shortId(sub.id().value()), "title", sub.id().value().toString())
                        .el("td", Ids.shortId(sub.bountyId().value()), "title", sub.bountyId().value().toString())
                        .el("td", Ids.shortId(sub.agent().value()), "title", sub.agent().value().toString())
                        .el("td", sub.attempts())
                        .el("td", sub.lastError(), "class", "error")
                        .el("td", sub.votes().size())
                        .open("td", "class", "actions");
                Layout.form(h, s, path + "/requeue", "Requeue", "Send this submission back for one more round?");
                Layout.form(h, s, path + "/reject", "Reject", "Fail this submission?",
                        new String[]{"note", "why", "required"});
                Layout.form(h, s, path + "/pass", "Pass", "Pass this submission (it may win the bounty)?",
                        new String[]{"note", "why", "required"});
                h.close("td").close("tr");
            }
            h.close("tbody").close("table");
        }
        h.close("section");
    }

    private void differences(Html h, Session s) {
        h.open("section", "id", "rerun").el("h2", "Rerun a verdict");
        h.el("p", "Runs a submission's last round again on the same panel and image and says whether verdict, image,"
                + " command and inputs match the record. Records nothing.", "class", "hint");
        Layout.form(h, s, Console.PATH + "/verdicts/rerun", "Rerun", null,
                new String[]{"submission", "submission id", "required"});
        h.close("section");
        h.open("section", "id", "differences").el("h2", "Chain and books differ");
        if (parts.reconciliation() == null) {
            Layout.empty(h, "Reconciliation is off on this node.");
            return;
        }
        parts.reconciliation().lastRun().ifPresentOrElse(r -> h.el("p", "Last run " + r.finishedAt() + ": "
                + r.chainEntries() + " chain entries, " + r.repaired().size() + " repaired, " + r.openDifferences()
                + " open.", "class", "hint"), () -> h.el("p", "No run on this node yet.", "class", "hint"));
        Layout.form(h, s, Console.PATH + "/reconciliation/runs", "Run reconciliation now", null);
        List<DifferenceRecord> open = parts.reconciliation().openDifferences(LIMIT);
        if (open.isEmpty()) {
            Layout.empty(h, "No open differences.");
        } else {
            h.open("table");
            Layout.headRow(h, "Kind", "Bounty", "Tx", "Detail", "First seen", "Note", "Act");
            h.open("tbody");
            for (DifferenceRecord d : open) {
                h.open("tr").el("td", d.difference().kind().code())
                        .el("td", d.difference().bountyId().value())
                        .el("td", d.difference().txHash())
                        .el("td", d.difference().detail())
                        .el("td", d.firstSeen())
                        .el("td", d.note() == null ? "" : d.note() + " — " + d.acknowledgedBy())
                        .open("td", "class", "actions");
                Layout.form(h, s, Console.PATH + "/reconciliation/differences/" + d.id() + "/acknowledge", "Note",
                        null, new String[]{"note", "what you did", "required"});
                h.close("td").close("tr");
            }
            h.close("tbody").close("table");
        }
        h.close("section");
    }
}
