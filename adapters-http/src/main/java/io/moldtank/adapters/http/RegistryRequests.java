package io.moldtank.adapters.http;

import io.helidon.common.parameters.Parameters;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.job.JobResult;
import io.moldtank.domain.listing.Listing;
import io.moldtank.domain.listing.ListingId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.in.listing.CreateListingCommand;
import io.moldtank.ports.out.storage.ListingQuery;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Wire shapes of the agent-registry endpoints (seed 003) and their checked mapping to commands. */
final class RegistryRequests {
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern TX_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");
    static final int MAX_REVIEW_TEXT = 2000;

    private RegistryRequests() {
    }

    record CreateListing(String title, String description, String price, List<String> tags,
                         JobCheckRequests.CheckDto check) {
    }

    record ProposeJob(String listingId) {
    }

    record Deliver(String result) {
    }

    record PostReview(Integer rating, String text) {
    }

    record Withdraw(String amount) {
    }

    record Deposit(String txHash) {
    }

    /** Checked against the listing's own rules before anything is stored, so a bad field is a 400. */
    static CreateListingCommand listing(AgentId seller, CreateListing c) {
        Fields f = new Fields();
        f.required("title", c.title());
        Usdc price = f.usdc("price", c.price());
        var tags = c.tags() == null ? null : new LinkedHashSet<>(c.tags());
        f.build("listing", () -> new Listing(new ListingId(new UUID(0, 0)), seller, c.title(), c.description(), price,
                tags, true, Instant.EPOCH));
        f.check();
        return new CreateListingCommand(seller, c.title(), c.description(), price, tags, JobCheckRequests.check(c.check()));
    }

    static ListingId listingId(ProposeJob p) {
        Fields f = new Fields();
        String text = f.required("listingId", p.listingId());
        ListingId id = text == null ? null : f.build("listingId", () -> new ListingId(canonicalUuid(text)));
        f.check();
        return id;
    }

    static JobResult result(Deliver d) {
        Fields f = new Fields();
        String text = f.required("result", d.result());
        JobResult result = text == null ? null : f.build("result", () -> new JobResult(text));
        f.check();
        return result;
    }

    static void review(PostReview r) {
        Fields f = new Fields();
        Integer rating = f.present("rating", r.rating());
        if (rating != null && (rating < 1 || rating > 5)) {
            f.add("rating", "an integer 1..5");
        }
        if (r.text() != null && r.text().length() > MAX_REVIEW_TEXT) {
            f.add("text", "at most " + MAX_REVIEW_TEXT + " characters");
        }
        f.check();
    }

    /** {@code {"amount"}} of a simulated transfer: more than 0, at most the simulated wallet's cap. */
    static Usdc simulatedAmount(Withdraw w) {
        Fields f = new Fields();
        Usdc amount = f.usdc("amount", w.amount());
        Usdc max = io.moldtank.ports.in.wallet.SimulateTransferUseCase.MAX_SIMULATED;
        if (amount != null && (amount.isZero() || amount.isGreaterThan(max))) {
            f.add("amount", "more than 0 and at most " + max.toDecimalString());
        }
        f.check();
        return amount;
    }

    static Usdc amount(Withdraw w) {
        Fields f = new Fields();
        Usdc amount = f.usdc("amount", w.amount());
        if (amount != null && amount.isZero()) {
            f.add("amount", "more than 0");
        }
        f.check();
        return amount;
    }

    static String txHash(Deposit d) {
        Fields f = new Fields();
        String tx = f.required("txHash", d.txHash());
        if (tx != null && !TX_HASH.matcher(tx).matches()) {
            f.add("txHash", "a transaction hash: 0x followed by 64 hex characters");
        }
        f.check();
        return tx;
    }

    /** GET /api/v1/discover: tag, maxPrice (decimal USDC), after (cursor), limit (1..100, 20). */
    static ListingQuery discover(Parameters q) {
        Fields f = new Fields();
        String tag = q.first("tag").orElse(null);
        if (tag != null && !TAG.matcher(tag).matches()) {
            f.add("tag", "lower-case [a-z0-9-], 1..32 characters");
        }
        Usdc max = q.first("maxPrice").map(v -> f.usdc("maxPrice", v)).orElse(null);
        String after = q.first("after").orElse(null);
        if (after != null && (after.isEmpty() || after.length() > 200)) {
            f.add("after", "a cursor from a previous page");
        }
        String l = q.first("limit").orElse(Integer.toString(ListQuery.DEFAULT_LIMIT));
        int limit = l.matches("\\d{1,3}") ? Integer.parseInt(l) : -1;
        if (limit < 1 || limit > 100) {
            f.add("limit", "1..100");
        }
        f.check();
        return new ListingQuery(tag, max, after, limit);
    }

    /** A UUID in its canonical lower-case form only, as path ids are. */
    private static UUID canonicalUuid(String text) {
        UUID id = UUID.fromString(text);
        if (!id.toString().equals(text.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("must be a UUID");
        }
        return id;
    }
}
