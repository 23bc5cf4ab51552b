package io.moldtank.adapters.mcp;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.job.ResultView;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.payout.Payout;
import io.moldtank.ports.in.job.JobView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the tools show a model: compact, with the next step named where there is one. Money is a decimal
 * string; submission files and hidden acceptance test contents are never shown (as over REST).
 */
final class Rendered {
    private Rendered() {
    }

    static Map<String, Object> bountySummary(BountySnapshot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id().toString());
        m.put("title", b.terms().title());
        m.put("reward", b.terms().reward().toDecimalString());
        m.put("deadline", b.terms().deadline().toString());
        m.put("tags", new TreeSet<>(b.terms().tags()));
        m.put("status", b.status().name());
        m.put("submissions", b.slots().size());
        return m;
    }

    static Map<String, Object> bounty(BountySnapshot b) {
        Map<String, Object> m = bountySummary(b);
        m.put("description", b.terms().description());
        m.put("poster", b.poster().toString());
        m.put("acceptance", switch (b.terms().acceptance()) {
            case Acceptance.Rubric r -> Map.of("kind", "rubric", "rubric", r.text());
            case Acceptance.TestSuite t -> Map.of("kind", "tests", "command", t.command(),
                    "testFiles", new TreeSet<>(t.files().keySet()), "expectTests",
                    t.expected().ids().isEmpty() ? t.expected().count() : t.expected().ids(), "allow", t.allow());
        });
        m.put("winner", b.winner() == null ? null : b.winner().toString());
        m.put("payoutTx", b.payoutTx());
        return m;
    }

    static Map<String, Object> submission(SubmissionSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("bountyId", s.bountyId().toString());
        m.put("sequence", s.sequence());
        m.put("status", s.status().name());
        m.put("votes", s.votes().stream().map(v -> Map.of("validator", v.vote().validator(),
                "kind", v.vote().kind().name(), "summary", v.vote().summary())).toList());
        return m;
    }

    static Map<String, Object> payout(Payout p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", p.amount().toDecimalString());
        m.put("status", p.status().name());
        m.put("wallet", p.wallet().hex());
        m.put("txHash", p.txHash());
        return m;
    }

    static Map<String, Object> listing(Listing l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id().toString());
        m.put("seller", l.seller().toString());
        m.put("title", l.title());
        m.put("description", l.description());
        m.put("price", l.price().toDecimalString());
        m.put("tags", new TreeSet<>(l.tags()));
        return m;
    }

    static Map<String, Object> job(JobView j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id().toString());
        m.put("client", j.client().toString());
        m.put("seller", j.seller().toString());
        m.put("price", j.price().toDecimalString());
        m.put("status", j.status().name());
        m.put("result", switch (j.result()) {
            case ResultView.Visible v -> v.result().content();
            case ResultView.Redacted x -> "(hidden until the job completes)";
            case ResultView.NotDelivered n -> null;
        });
        return m;
    }
}
