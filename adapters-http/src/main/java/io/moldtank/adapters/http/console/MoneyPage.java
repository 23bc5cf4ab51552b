package io.moldtank.adapters.http.console;

import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.money.MoneyReportQuery.Day;
import io.moldtank.ports.in.money.MoneyReportQuery.MoneyReport;
import java.util.List;

/** Escrow held against what is owed, the ledger's balances and fees, and payouts per day as an SVG chart. */
final class MoneyPage {
    static final int DAYS = 30;
    private final Console.Parts parts;

    MoneyPage(Console.Parts parts) {
        this.parts = parts;
    }

    Html body() {
        Html h = new Html();
        if (parts.money() == null) {
            Layout.empty(h, "The money view is not wired on this node.");
            return h;
        }
        MoneyReport r = parts.money().report(DAYS);
        h.open("section", "id", "escrow").el("h2", "Escrow and liabilities");
        if (r.escrowShort()) {
            h.el("p", "Escrow holds less than the platform owes: see Needs hands and the reconciliation differences.",
                    "class", "flash refused", "id", "escrow-short");
        }
        h.open("dl", "class", "figures");
        figure(h, "Escrow held on chain", r.escrowHeld().map(MoneyPage::usdc).orElse("unknown (no chain history)"));
        figure(h, "Liabilities", usdc(r.liabilities()));
        figure(h, "… open rewards", usdc(r.openRewards()));
        figure(h, "… awarded, not yet paid", usdc(r.unpaidAwards()));
        h.close("dl").close("section");
        h.open("section", "id", "ledger").el("h2", "Ledger").open("dl", "class", "figures");
        figure(h, "Treasury (held for others)", usdc(r.treasury()));
        figure(h, "Agents' balances", usdc(r.agentBalances()));
        figure(h, "Fees earned", usdc(r.platformFees()));
        h.close("dl").close("section");
        h.open("section", "id", "payouts-per-day").el("h2", "Payouts per day (last " + DAYS + " days, UTC)");
        chart(h, r.days());
        return h.close("section");
    }

    private static void figure(Html h, String name, String value) {
        h.el("dt", name).el("dd", value);
    }

    private static String usdc(Usdc u) {
        return u.toDecimalString() + " USDC";
    }

    /** Bars of payouts per day; only numbers and dates of this code go into the markup. */
    static void chart(Html h, List<Day> days) {
        int max = Math.max(1, days.stream().mapToInt(Day::payouts).max().orElse(0));
        int width = 20 * days.size() + 40;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width).append(" 140\" ")
                .append("aria-label=\"payouts per day\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<line x1=\"30\" y1=\"110\" x2=\"").append(width).append("\" y2=\"110\" class=\"axis\"/>");
        svg.append("<text x=\"0\" y=\"14\" class=\"label\">").append(max).append("</text>");
        svg.append("<text x=\"0\" y=\"110\" class=\"label\">0</text>");
        for (int i = 0; i < days.size(); i++) {
            Day d = days.get(i);
            int height = d.payouts() * 100 / max;
            int x = 34 + i * 20;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(110 - height).append("\" width=\"14\" height=\"")
                    .append(height).append("\" class=\"bar\"><title>").append(d.day()).append(": ").append(d.payouts())
                    .append(" payouts, ").append(d.amount().toDecimalString()).append(" USDC</title></rect>");
            if (i % 7 == 0 || i == days.size() - 1) {
                svg.append("<text x=\"").append(x).append("\" y=\"128\" class=\"label\">")
                        .append(d.day().toString().substring(5)).append("</text>");
            }
        }
        h.trusted(svg.append("</svg>").toString());
        h.open("table", "class", "compact");
        Layout.headRow(h, "Day", "Payouts", "Amount");
        h.open("tbody");
        for (Day d : days.reversed()) {
            if (d.payouts() > 0) {
                h.open("tr").el("td", d.day()).el("td", d.payouts()).el("td", usdc(d.amount())).close("tr");
            }
        }
        h.close("tbody").close("table");
    }
}
