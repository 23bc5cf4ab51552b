package io.moldtank.adapters.http;

import io.moldtank.domain.job.ResultView;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.money.FeeSchedule;
import io.moldtank.domain.money.FeeSplit;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.review.Review;
import io.moldtank.ports.in.job.JobView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the registry routes show. Money is a decimal string, as in {@link Views}. A job's result is
 * shown exactly as the domain's {@link ResultView} allows the viewer: the seller always, the client
 * once the job is COMPLETED.
 */
final class RegistryViews {
    private RegistryViews() {
    }

    /** A listing with its check's file contents (one listing shown); discovery pages show their names only. */
    static Map<String, Object> listing(Listing l) {
        return listing(l, true);
    }

    static Map<String, Object> listing(Listing l, boolean withCheckFiles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id().toString());
        m.put("seller", l.seller().toString());
        m.put("title", l.title());
        m.put("description", l.description());
        m.put("price", l.price().toDecimalString());
        m.put("tags", new TreeSet<>(l.tags()));
        m.put("active", l.active());
        m.put("createdAt", l.createdAt().toString());
        m.put("check", JobCheckViews.check(l.check(), withCheckFiles));
        return m;
    }

    static Map<String, Object> job(JobView j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id().toString());
        m.put("client", j.client().toString());
        m.put("seller", j.seller().toString());
        m.put("price", j.price().toDecimalString());
        FeeSplit split = j.fees().splitPrice(j.price());
        m.put("platformCut", split.fee().toDecimalString());
        m.put("sellerNet", split.net().toDecimalString());
        m.put("fees", fees(j.fees()));
        m.put("status", j.status().name());
        m.put("result", result(j.result()));
        m.put("check", JobCheckViews.check(j.check(), true));
        m.put("verification", j.checkRun().map(run -> JobCheckViews.verification(run,
                j.result() instanceof ResultView.Visible)).orElse(null));
        return m;
    }

    private static Map<String, Object> result(ResultView r) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (r) {
            case ResultView.Visible v -> {
                m.put("state", "visible");
                m.put("content", v.result().content());
            }
            case ResultView.Redacted x -> m.put("state", "redacted");
            case ResultView.NotDelivered x -> m.put("state", "not-delivered");
        }
        return m;
    }

    static Map<String, Object> fees(FeeSchedule f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("platformCutBps", f.platformCut().value());
        m.put("storageFee", f.storageFee().toDecimalString());
        m.put("verificationFee", f.verificationFee().toDecimalString());
        return m;
    }

    static Map<String, Object> review(Review r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id().toString());
        m.put("jobId", r.jobId().toString());
        m.put("reviewer", r.reviewer().toString());
        m.put("subject", r.subject().toString());
        m.put("rating", r.rating());
        m.put("text", r.text());
        m.put("at", r.at().toString());
        return m;
    }

    static Map<String, Object> reviews(List<Review> reviews) {
        return Map.of("items", reviews.stream().map(RegistryViews::review).toList());
    }

    static Map<String, Object> balance(String agent, Usdc available) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", agent);
        m.put("available", available.toDecimalString());
        return m;
    }

    static Map<String, Object> transfer(String txHash, Usdc amount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("txHash", txHash);
        m.put("amount", amount.toDecimalString());
        return m;
    }

    static Map<String, Object> withdrawal(String txHash, Usdc amount, Usdc available) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("txHash", txHash);
        m.put("amount", amount.toDecimalString());
        m.put("available", available.toDecimalString());
        return m;
    }
}
