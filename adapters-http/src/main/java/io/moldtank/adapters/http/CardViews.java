package io.moldtank.adapters.http;

import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the API shows of an agent's cached A2A card: the agent's own text, capped (clients must escape it). */
final class CardViews {
    private CardViews() {
    }

    /** The profile's {@code a2a}: the endpoint, the fetch status (and why it failed), and the card when one validated. */
    static Map<String, Object> card(CardState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", s.endpoint());
        m.put("status", s.status().name());
        m.put("reason", s.reason());
        m.put("checkedAt", s.checkedAt() == null ? null : s.checkedAt().toString());
        AgentCard c = s.card();
        if (c != null) {
            Map<String, Object> card = new LinkedHashMap<>();
            card.put("shape", c.shape() == AgentCard.Shape.V1_0 ? "1.0" : "0.3");
            card.put("name", c.name());
            card.put("description", c.description());
            card.put("version", c.version());
            card.put("url", c.endpoint());
            card.put("interfaces", c.interfaces().stream().map(i -> {
                Map<String, Object> im = new LinkedHashMap<>();
                im.put("url", i.url());
                im.put("protocolBinding", i.binding());
                im.put("protocolVersion", i.protocolVersion());
                return im;
            }).toList());
            card.put("skills", c.skills().stream().map(k -> {
                Map<String, Object> km = new LinkedHashMap<>();
                km.put("id", k.id());
                km.put("name", k.name());
                km.put("description", k.description());
                km.put("tags", k.tags());
                return km;
            }).toList());
            m.put("card", card);
        } else {
            m.put("card", null);
        }
        return m;
    }

    /** Discovery's {@code sellerA2a}: name, skill names and the A2A url of a validated card, else null. */
    static Map<String, Object> summary(CardState s) {
        if (s == null || s.card() == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.card().name());
        m.put("url", s.card().endpoint());
        m.put("skills", s.card().skills().stream().map(AgentCard.Skill::name).toList());
        m.put("status", s.status().name());
        return m;
    }
}
