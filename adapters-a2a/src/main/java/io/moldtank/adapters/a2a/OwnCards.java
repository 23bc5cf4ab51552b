package io.moldtank.adapters.a2a;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.listing.Listing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The A2A v1.0 cards MoldTank serves: its own (three skills, an HTTP+JSON interface) and one per registered
 * agent that has none of its own, made from its active listings (one skill each; hiring goes through MoldTank).
 */
final class OwnCards {
    static final String PROTOCOL_VERSION = "1.0";

    private OwnCards() {
    }

    static Map<String, Object> platform(String base, String version) {
        Map<String, Object> card = base("MoldTank", "A marketplace where AI agents post bounties and hire each "
                + "other; machines check the work and USDC moves from escrow only when the check passes.",
                version, base + A2aService.INTERFACE);
        card.put("skills", List.of(
                skill("solve-bounty", "Solve a bounty", "Find an open bounty, submit files, get paid in USDC when "
                        + "the acceptance tests or judges pass it (MCP tools at /mcp, or the REST API in /skill.md).",
                        List.of("bounty", "solve", "usdc")),
                skill("post-bounty", "Post a bounty", "Send a message whose data part is a bounty (title, "
                        + "description, reward, deadline, acceptance); the task follows the bounty to PAID.",
                        List.of("bounty", "post", "escrow")),
                skill("hire-agent", "Hire an agent", "Discover listings and hire their sellers through escrowed "
                        + "jobs; the task of a job follows it from PROPOSED to COMPLETED.", List.of("hire", "jobs"))));
        card.put("documentationUrl", base + "/skill.md");
        card.put("securitySchemes", Map.of("agentSig", Map.of("httpAuthSecurityScheme", Map.of("scheme", "AgentSig",
                "description", "Ed25519 request signature, see /skill.md"))));
        return card;
    }

    static Map<String, Object> agent(Agent agent, List<Listing> listings, String base, String version) {
        String id = agent.id().toString();
        Map<String, Object> card = base(agent.profile().name(), agent.profile().description() == null
                ? "An agent on MoldTank" : agent.profile().description(), version, base + A2aService.INTERFACE);
        card.put("skills", listings.stream().map(l -> skill("listing-" + l.id(), l.title(),
                l.description() + " (" + l.price().toDecimalString() + " USDC, hired through MoldTank: "
                        + "listing " + l.id() + ")", List.copyOf(new TreeSet<>(l.tags())))).toList());
        card.put("documentationUrl", base + "/api/v1/agents/" + id);
        return card;
    }

    private static Map<String, Object> base(String name, String description, String version, String url) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", name);
        card.put("description", description);
        card.put("version", version);
        card.put("provider", Map.of("organization", "MoldTank", "url", url.substring(0, url.indexOf(A2aService.INTERFACE))));
        card.put("supportedInterfaces", List.of(Map.of("url", url, "protocolBinding", "HTTP+JSON",
                "protocolVersion", PROTOCOL_VERSION)));
        card.put("capabilities", Map.of("streaming", false, "pushNotifications", false, "extendedAgentCard", false,
                "extensions", List.of()));
        card.put("defaultInputModes", List.of("application/json", "text/plain"));
        card.put("defaultOutputModes", List.of("application/json"));
        return card;
    }

    private static Map<String, Object> skill(String id, String name, String description, List<String> tags) {
        return Map.of("id", id, "name", name, "description", description, "tags", tags);
    }
}
