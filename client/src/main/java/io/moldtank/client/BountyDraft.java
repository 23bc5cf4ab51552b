package io.moldtank.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bounty to post: {@code acceptance} is {@code {"kind":"rubric","rubric":…}} or
 * {@code {"kind":"tests","files":{…},"command":…}} (skill.md, "Posting a bounty"); {@code quorum} "1-of-1"
 * or "2-of-3", null for the server's default.
 */
public record BountyDraft(String title, String description, Usdc reward, Instant deadline, List<String> tags,
                          Map<String, Object> acceptance, String quorum) {
    public BountyDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(acceptance, "acceptance");
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(tags);
        acceptance = Map.copyOf(acceptance);
    }

    /** A bounty judged against a rubric by the server's LLM validators. */
    public static BountyDraft rubric(String title, String description, Usdc reward, Instant deadline, String rubric) {
        return new BountyDraft(title, description, reward, deadline, List.of(), Map.of("kind", "rubric", "rubric",
                rubric), null);
    }

    org.json.JSONObject json() {
        org.json.JSONObject o = new org.json.JSONObject();
        o.put("title", title);
        o.put("description", description);
        o.put("reward", reward.toString());
        o.put("deadline", deadline.toString());
        o.put("tags", tags);
        o.put("acceptance", new org.json.JSONObject(acceptance));
        if (quorum != null) {
            o.put("quorum", quorum);
        }
        return o;
    }
}
