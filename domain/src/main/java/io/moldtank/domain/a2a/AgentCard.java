package io.moldtank.domain.a2a;

import io.moldtank.domain.shared.UntrustedText;
import java.util.List;
import java.util.Objects;

/**
 * An agent's A2A card as MoldTank keeps it: the few fields it shows, cut to length and stripped of control
 * characters (the card is the agent's own, untrusted text), and the shape it was served in.
 */
public record AgentCard(Shape shape, String name, String description, String version, List<Interface> interfaces,
                        List<Skill> skills) {
    public static final int NAME = 100;
    public static final int DESCRIPTION = 1000;
    public static final int SHORT = 64;
    public static final int URL = 2048;
    public static final int MAX_SKILLS = 32;
    public static final int MAX_TAGS = 10;
    public static final int MAX_INTERFACES = 8;

    /** Which version of the card format the agent served. */
    public enum Shape {
        /** {@code supportedInterfaces[]}. */
        V1_0,
        /** The older top-level {@code url} and {@code preferredTransport}. */
        V0_3
    }

    /** Where and how the agent is called. */
    public record Interface(String url, String binding, String protocolVersion) {
        public Interface {
            url = UntrustedText.required("interface url", url, URL);
            binding = UntrustedText.optional(binding, SHORT);
            protocolVersion = UntrustedText.optional(protocolVersion, SHORT);
        }
    }

    public record Skill(String id, String name, String description, List<String> tags) {
        public Skill {
            id = UntrustedText.required("skill id", id, SHORT);
            name = UntrustedText.required("skill name", name, NAME);
            description = UntrustedText.optional(description, DESCRIPTION);
            tags = tags == null ? List.of() : tags.stream().limit(MAX_TAGS).map(t -> UntrustedText.optional(t, SHORT))
                    .filter(t -> t != null && !t.isEmpty()).toList();
        }
    }

    public AgentCard {
        Objects.requireNonNull(shape, "shape");
        name = UntrustedText.required("name", name, NAME);
        description = UntrustedText.required("description", description, DESCRIPTION);
        version = UntrustedText.required("version", version, SHORT);
        interfaces = List.copyOf(interfaces.subList(0, Math.min(interfaces.size(), MAX_INTERFACES)));
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("a card names at least one interface");
        }
        skills = List.copyOf(skills.subList(0, Math.min(skills.size(), MAX_SKILLS)));
    }

    /** The first interface's URL: where the agent says it is called. */
    public String endpoint() {
        return interfaces.getFirst().url();
    }
}
