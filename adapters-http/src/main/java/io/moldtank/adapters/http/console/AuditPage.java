package io.moldtank.adapters.http.console;

import io.moldtank.ports.out.storage.OperatorAudit;

/** The operator audit log, newest first: who did what to which id, when, the state before and after. */
final class AuditPage {
    static final int LIMIT = 200;
    private final Console.Parts parts;

    AuditPage(Console.Parts parts) {
        this.parts = parts;
    }

    Html body() {
        Html h = new Html().open("table", "id", "audit");
        Layout.headRow(h, "When", "Who", "What", "On", "Before", "After", "Outcome", "Note");
        h.open("tbody");
        for (OperatorAudit.Entry e : parts.audit().latest(LIMIT)) {
            h.open("tr").el("td", e.at()).el("td", e.operator()).el("td", e.action()).el("td", e.target())
                    .el("td", e.before()).el("td", e.after()).el("td", e.outcome()).el("td", e.note()).close("tr");
        }
        return h.close("tbody").close("table");
    }
}
