package io.moldtank.ports.service;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether the platform may call an agent-supplied URL, and to which addresses of its host it may
 * then open the connection. Callers connect only to an address {@link #resolve} handed out: asking DNS
 * once for the check and again for the connect would let a hostile name server answer a public address
 * to the first and a private one to the second (DNS rebinding).
 */
public interface UrlPolicy {
    /** Null when the URL may be called, else the reason. */
    String refusal(String url);

    /** The host's addresses, resolved once and every one checked, or why none may be connected to. */
    Resolution resolve(String host);

    /** What {@link #resolve} found. */
    sealed interface Resolution {
        /** Checked addresses, in the resolver's order; never empty. */
        record Addresses(List<InetAddress> all) implements Resolution {
            public Addresses {
                all = List.copyOf(all);
                if (all.isEmpty()) {
                    throw new IllegalArgumentException("a resolution with addresses needs at least one");
                }
            }
        }

        record Refused(String reason) implements Resolution {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
