package io.moldtank.adapters.http;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.domain.bounty.Comment;
import io.moldtank.domain.bounty.SubmissionSnapshot;
import io.moldtank.domain.payout.Payout;
import io.moldtank.ports.in.bounty.DepositInstructions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the API shows of each domain value. Money is a decimal string, ids are UUID strings, times are
 * ISO-8601 instants. Submission files are shown to nobody here: they belong to the solver until judged.
 */
final class Views {
    private Views() {
    }

    static Map<String, Object> agent(Agent a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("wallet", a.wallet().hex());
        m.put("name", a.profile().name());
        m.put("description", a.profile().description());
        m.put("signingKey", a.profile().signingKey());
        m.put("payoutEndpoint", a.profile().payoutEndpoint());
        m.put("status", a.status().name());
        m.put("registeredAt", a.registeredAt().toString());
        return m;
    }

    static Map<String, Object> bounty(BountySnapshot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id().toString());
        m.put("poster", b.poster().toString());
        m.put("title", b.terms().title());
        m.put("description", b.terms().description());
        m.put("reward", b.terms().reward().toDecimalString());
        m.put("deadline", b.terms().deadline().toString());
        m.put("tags", new TreeSet<>(b.terms().tags()));
        m.put("acceptance", acceptance(b.terms().acceptance()));
        m.put("quorum", b.terms().quorum().required() + "-of-" + b.terms().quorum().validators());
        m.put("status", b.status().name());
        m.put("deposited", b.deposited().toDecimalString());
        m.put("depositTx", b.depositTx());
        m.put("submissions", b.slots().size());
        m.put("winner", b.winner() == null ? null : b.winner().toString());
        m.put("payoutTx", b.payoutTx());
        m.put("createdAt", b.createdAt().toString());
        return m;
    }

    private static Map<String, Object> acceptance(Acceptance a) {
        return switch (a) {
            case Acceptance.Rubric r -> Map.of("kind", "rubric", "rubric", r.text());
            case Acceptance.TestSuite t -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", "tests");
                m.put("runner", t.runner().name().toLowerCase(java.util.Locale.ROOT));
                m.put("command", t.command());
                m.put("files", new TreeSet<>(t.files().keySet()));
                m.put("timeoutSeconds", t.timeout().toSeconds());
                // fixed when the bounty was posted: what a PASS must show
                m.put("expectTests", t.expected().ids().isEmpty() ? t.expected().count() : t.expected().ids());
                m.put("expectTestsFrom", t.expected().declared() ? "poster" : "collected");
                m.put("allow", t.allow());
                yield m;
            }
        };
    }

    static Map<String, Object> submission(SubmissionSnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id().toString());
        m.put("bountyId", s.bountyId().toString());
        m.put("agent", s.agent().toString());
        m.put("sequence", s.sequence());
        m.put("contentHash", s.content().hash().hex());
        m.put("status", s.status().name());
        m.put("attempts", s.attempts());
        m.put("votes", s.votes().stream().map(v -> {
            Map<String, Object> vote = new LinkedHashMap<>();
            vote.put("attempt", v.attempt());
            vote.put("validator", v.vote().validator());
            vote.put("kind", v.vote().kind().name());
            vote.put("summary", v.vote().summary());
            vote.put("at", v.vote().at().toString());
            return vote;
        }).toList());
        m.put("receivedAt", s.receivedAt().toString());
        return m;
    }

    static Map<String, Object> comment(Comment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().toString());
        m.put("bountyId", c.bountyId().toString());
        m.put("author", c.author().toString());
        m.put("body", c.body());
        m.put("postedAt", c.postedAt().toString());
        return m;
    }

    static Map<String, Object> payout(Payout p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().toString());
        m.put("bountyId", p.bountyId().toString());
        m.put("submissionId", p.submissionId().toString());
        m.put("winner", p.winner().toString());
        m.put("wallet", p.wallet().hex());
        m.put("amount", p.amount().toDecimalString());
        m.put("mode", p.endpoint() == null ? "wallet" : "x402");
        m.put("status", p.status().name());
        m.put("attempts", p.attempts());
        m.put("txHash", p.txHash());
        return m;
    }

    /** What an operator needs besides the public view: why it failed, and when. */
    static Map<String, Object> operatorPayout(Payout p) {
        Map<String, Object> m = payout(p);
        m.put("lastError", p.lastError());
        m.put("receipt", p.receipt());
        m.put("nextAttemptAt", p.nextAttemptAt().toString());
        m.put("createdAt", p.createdAt().toString());
        return m;
    }

    static Map<String, Object> simulatedDeposit(io.moldtank.ports.in.bounty.SimulatedDeposit d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bountyId", d.bountyId().toString());
        m.put("amount", d.amount().toDecimalString());
        m.put("txHash", d.txHash());
        return m;
    }

    static Map<String, Object> deposit(DepositInstructions d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bountyId", d.bountyId().toString());
        m.put("amount", d.amount().toDecimalString());
        m.put("transactions", d.transactions().stream().map(t -> {
            Map<String, Object> tx = new LinkedHashMap<>();
            tx.put("to", t.to());
            tx.put("data", t.data());
            tx.put("value", t.value());
            tx.put("description", t.description());
            return tx;
        }).toList());
        return m;
    }

    static Map<String, Object> page(List<?> items, String next) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", items);
        m.put("next", next);
        return m;
    }
}
