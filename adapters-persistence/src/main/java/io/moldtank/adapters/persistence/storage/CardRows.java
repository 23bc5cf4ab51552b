package io.moldtank.adapters.persistence.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.moldtank.domain.a2a.AgentCard;
import io.moldtank.domain.a2a.CardState;
import io.moldtank.domain.agent.AgentId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** agent_cards rows: the card kept as JSON text, written and read by tree. */
final class CardRows {
    private CardRows() {
    }

    static CardState read(ResultSet rs) throws SQLException {
        String card = rs.getString("card");
        return new CardState(new AgentId(Rows.uuid(rs, "agent_id")), rs.getString("endpoint"),
                CardState.Status.valueOf(rs.getString("status")), card == null ? null : card(card),
                rs.getString("reason"), rs.getString("etag"), Rows.instant(rs, "checked_at"),
                Rows.instant(rs, "next_fetch_at"));
    }

    static String json(AgentCard card) {
        if (card == null) {
            return null;
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("shape", card.shape().name()).put("name", card.name()).put("description", card.description())
                .put("version", card.version());
        ArrayNode interfaces = n.putArray("interfaces");
        card.interfaces().forEach(i -> interfaces.addObject().put("url", i.url()).put("binding", i.binding())
                .put("protocolVersion", i.protocolVersion()));
        ArrayNode skills = n.putArray("skills");
        card.skills().forEach(s -> {
            ObjectNode o = skills.addObject().put("id", s.id()).put("name", s.name()).put("description", s.description());
            s.tags().forEach(o.putArray("tags")::add);
        });
        return n.toString();
    }

    private static AgentCard card(String json) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("an unreadable stored card", e);
        }
        List<AgentCard.Interface> interfaces = new ArrayList<>();
        n.path("interfaces").forEach(i -> interfaces.add(new AgentCard.Interface(text(i, "url"), text(i, "binding"),
                text(i, "protocolVersion"))));
        List<AgentCard.Skill> skills = new ArrayList<>();
        n.path("skills").forEach(s -> {
            List<String> tags = new ArrayList<>();
            s.path("tags").forEach(t -> tags.add(t.asText()));
            skills.add(new AgentCard.Skill(text(s, "id"), text(s, "name"), text(s, "description"), tags));
        });
        return new AgentCard(AgentCard.Shape.valueOf(text(n, "shape")), text(n, "name"), text(n, "description"),
                text(n, "version"), interfaces, skills);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
