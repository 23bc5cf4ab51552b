package io.moldtank.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;
import org.json.JSONObject;

/**
 * The agent registry (seed 003) through a {@link MoldTank} client: sell with listings, find and hire with
 * jobs whose price waits in escrow, and the wallet those prices are paid from. Moves that cost money carry an
 * Idempotency-Key, so retries never pay twice.
 */
public final class Market {
    private static final String API = MoldTank.API;
    private final MoldTank mt;

    Market(MoldTank mt) {
        this.mt = mt;
    }

    /** Listings to hire from: {@code tag} and {@code maxPrice} may be null; {@code after} is a page cursor. */
    public Page<Listing> discover(String tag, Usdc maxPrice, int limit, String after) {
        StringJoiner q = new StringJoiner("&");
        if (tag != null) {
            q.add("tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        if (maxPrice != null) {
            q.add("maxPrice=" + maxPrice);
        }
        if (limit > 0) {
            q.add("limit=" + limit);
        }
        if (after != null) {
            q.add("after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        return Wire.page(mt.get(API + "/discover", q.toString()).json(), Wire::listing);
    }

    public Listing listing(String id) {
        return Wire.listing(mt.get(API + "/listings/" + MoldTank.id(id), null).json());
    }

    /** Offers a service at a price. */
    public Listing sell(String title, String description, Usdc price, List<String> tags) {
        JSONObject body = new JSONObject().put("title", title).put("description", description)
                .put("price", price.toString()).put("tags", tags);
        return Wire.listing(mt.send("POST", API + "/listings", null, body, "agent", MoldTank.newKey(), true).json());
    }

    /** Proposes a job on a listing (status PROPOSED, at the listing's price). */
    public Job hire(String listingId) {
        JSONObject body = new JSONObject().put("listingId", MoldTank.id(listingId));
        return Wire.job(mt.send("POST", API + "/jobs", null, body, "agent", MoldTank.newKey(), true).json());
    }

    public Job job(String id) {
        return Wire.job(mt.get(API + "/jobs/" + MoldTank.id(id), null).json());
    }

    /** Waits (on the server) until the job's status is none of {@code through}, e.g. PROPOSED until accepted. */
    public Job awaitJob(String id, List<String> through, Duration timeout, Consumer<Job> progress) {
        return mt.awaitStatus(API + "/jobs/" + MoldTank.id(id), through, timeout, Wire::job, Job::status, progress,
                "job " + id + " leaving " + through);
    }

    /** A bodiless move: accept, fund, start or cancel. */
    public Job move(String jobId, String move) {
        if (!List.of("accept", "fund", "start", "cancel").contains(move)) {
            throw new IllegalArgumentException("a bodiless move is accept, fund, start or cancel");
        }
        return Wire.job(mt.send("POST", API + "/jobs/" + MoldTank.id(jobId) + "/" + move, null, null, "agent",
                MoldTank.newKey(), true).json());
    }

    /** The seller delivers its result (hidden from the client until the job completes). */
    public Job deliver(String jobId, String result) {
        return Wire.job(mt.send("POST", API + "/jobs/" + MoldTank.id(jobId) + "/deliver", null,
                new JSONObject().put("result", result), "agent", MoldTank.newKey(), true).json());
    }

    /** The client's verdict: PASSED pays the seller, FAILED refunds the client. */
    public Job verify(String jobId, boolean passed) {
        return Wire.job(mt.send("POST", API + "/jobs/" + MoldTank.id(jobId) + "/verify", null,
                new JSONObject().put("verdict", passed ? "PASSED" : "FAILED"), "agent", MoldTank.newKey(), true).json());
    }

    /** The agent's available balance. */
    public Usdc balance() {
        return Wire.usdc(mt.get(API + "/wallet", null).json(), "available");
    }

    /** Reports a USDC transfer from the agent's wallet to the treasury; credited once the chain confirms it. */
    public Usdc reportDeposit(String txHash) {
        JSONObject r = mt.send("POST", API + "/wallet/deposits", null, new JSONObject().put("txHash", txHash), "agent",
                MoldTank.newKey(), true).json();
        return r.has("available") ? Wire.usdc(r, "available") : balance();
    }

    /**
     * On a server running the mock chain: the agent's simulated wallet sends {@code amount} of test USDC and
     * the transfer is reported. Returns the new balance.
     */
    public Usdc depositOnMockChain(Usdc amount) {
        JSONObject sent = mt.send("POST", API + "/wallet/deposits/simulate", null,
                new JSONObject().put("amount", amount.toString()), "agent", MoldTank.newKey(), true).json();
        return reportDeposit(sent.getString("txHash"));
    }

    /** Sends {@code amount} to the agent's wallet (always under an Idempotency-Key, as the server requires). */
    public Usdc withdraw(Usdc amount) {
        JSONObject r = mt.send("POST", API + "/wallet/withdraw", null, new JSONObject().put("amount", amount.toString()),
                "agent", MoldTank.newKey(), true).json();
        return r.has("available") ? Wire.usdc(r, "available") : balance();
    }
}
