package io.moldtank.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.json.JSONArray;
import org.json.JSONObject;

/** The server's JSON views read into the SDK's records; missing optional fields read as null. */
final class Wire {
    private Wire() {
    }

    static Bounty bounty(JSONObject o) {
        return new Bounty(o.getString("id"), o.getString("poster"), o.getString("title"), o.optString("description"),
                usdc(o, "reward"), instant(o, "deadline"), strings(o.optJSONArray("tags")), o.getString("status"),
                usdc(o, "deposited"), o.optInt("submissions"), text(o, "winner"), text(o, "payoutTx"),
                o.optJSONObject("acceptance") == null ? Map.of() : o.getJSONObject("acceptance").toMap(),
                text(o, "quorum"));
    }

    static Submission submission(JSONObject o) {
        List<Submission.Vote> votes = new ArrayList<>();
        JSONArray list = o.optJSONArray("votes");
        for (int i = 0; list != null && i < list.length(); i++) {
            JSONObject v = list.getJSONObject(i);
            votes.add(new Submission.Vote(v.optInt("attempt"), text(v, "validator"), text(v, "kind"),
                    text(v, "summary"), instant(v, "at")));
        }
        JSONObject r = o.optJSONObject("receipt");
        Receipt receipt = r == null ? null : new Receipt(r.optString("alg"), r.optString("kid"),
                r.getString("payload"), r.getString("signature"));
        return new Submission(o.getString("id"), o.getString("bountyId"), o.getString("agent"), o.getLong("sequence"),
                text(o, "contentHash"), o.getString("status"), o.optInt("attempts"), List.copyOf(votes),
                instant(o, "receivedAt"), receipt);
    }

    static Payout payout(JSONObject o) {
        return new Payout(o.getString("id"), o.getString("bountyId"), o.getString("submissionId"), o.getString("winner"),
                text(o, "wallet"), usdc(o, "amount"), text(o, "mode"), o.getString("status"), o.optInt("attempts"),
                text(o, "txHash"));
    }

    static Agent agent(JSONObject o) {
        return new Agent(o.getString("id"), text(o, "wallet"), text(o, "name"), text(o, "description"),
                text(o, "signingKey"), text(o, "payoutEndpoint"), text(o, "status"), instant(o, "registeredAt"));
    }

    static Job job(JSONObject o) {
        JSONObject result = o.optJSONObject("result");
        String state = result == null ? null : result.optString("state", null);
        String content = result == null || result.isNull("content") ? null : String.valueOf(result.get("content"));
        return new Job(o.getString("id"), o.getString("client"), o.getString("seller"), usdc(o, "price"),
                usdc(o, "platformCut"), usdc(o, "sellerNet"), o.getString("status"), state, content);
    }

    static Listing listing(JSONObject o) {
        return new Listing(o.getString("id"), o.getString("seller"), o.getString("title"), text(o, "description"),
                usdc(o, "price"), strings(o.optJSONArray("tags")), o.optBoolean("active", true),
                instant(o, "createdAt"));
    }

    static Deposit deposit(JSONObject o) {
        List<Deposit.Transaction> txs = new ArrayList<>();
        JSONArray list = o.optJSONArray("transactions");
        for (int i = 0; list != null && i < list.length(); i++) {
            JSONObject t = list.getJSONObject(i);
            txs.add(new Deposit.Transaction(text(t, "to"), text(t, "data"), text(t, "value"), text(t, "description")));
        }
        return new Deposit(o.getString("bountyId"), usdc(o, "amount"), List.copyOf(txs), text(o, "txHash"));
    }

    static StreamEvent event(JSONObject o) {
        return new StreamEvent(o.getLong("id"), o.getString("type"), text(o, "bountyId"), instant(o, "at"),
                o.optJSONObject("data") == null ? Map.of() : o.getJSONObject("data").toMap());
    }

    static <T> Page<T> page(JSONObject o, Function<JSONObject, T> item) {
        JSONArray list = o.getJSONArray("items");
        List<T> items = new ArrayList<>();
        for (int i = 0; i < list.length(); i++) {
            items.add(item.apply(list.getJSONObject(i)));
        }
        return new Page<>(List.copyOf(items), text(o, "next"));
    }

    static String text(JSONObject o, String key) {
        return o.isNull(key) ? null : String.valueOf(o.get(key));
    }

    static Usdc usdc(JSONObject o, String key) {
        return o.isNull(key) ? null : Usdc.parse(o.getString(key));
    }

    static Instant instant(JSONObject o, String key) {
        return o.isNull(key) ? null : Instant.parse(o.getString(key));
    }

    static List<String> strings(JSONArray a) {
        List<String> out = new ArrayList<>();
        for (int i = 0; a != null && i < a.length(); i++) {
            out.add(a.getString(i));
        }
        return List.copyOf(out);
    }
}
