package io.moldtank.ports.out.a2a;

import io.moldtank.domain.a2a.AgentCard;
import java.time.Duration;
import java.util.Objects;

/** Fetches an agent's A2A card from the base URL it named (attacker-controlled: the adapter guards it). */
public interface CardFetcher {

    /** {@code etag}: the one kept from the last fetch (sent as If-None-Match), or null. */
    Result fetch(String endpoint, String etag);

    /** {@code maxAge}: the answer's Cache-Control max-age, or null when it gave none. */
    sealed interface Result {
        /** The metric label of this outcome. */
        String outcome();

        record Fresh(AgentCard card, String etag, Duration maxAge) implements Result {
            public Fresh {
                Objects.requireNonNull(card, "card");
            }

            @Override
            public String outcome() {
                return "fetched";
            }
        }

        record NotModified(Duration maxAge) implements Result {
            @Override
            public String outcome() {
                return "not_modified";
            }
        }

        /** {@code outcome}: invalid, too_large, redirect, refused, http_error, unreachable. */
        record Failed(String outcome, String reason) implements Result {
            public Failed {
                Objects.requireNonNull(outcome, "outcome");
                Objects.requireNonNull(reason, "reason");
            }
        }
    }
}
