package io.moldtank.ports.out.moltbook;

import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import java.time.Instant;
import java.util.Objects;

/** Asks Moltbook whether an identity token (from header X-Moltbook-Identity) is valid for this platform. */
public interface IdentityVerifier {

    Verification verify(String token);

    sealed interface Verification {
        /** {@code expiresAt}: when the token stops being valid, null when Moltbook did not say. */
        record Verified(MoltbookIdentity identity, Instant expiresAt) implements Verification {
            public Verified {
                Objects.requireNonNull(identity, "identity");
            }
        }

        /** Moltbook refused the token: expired, invalid, wrong audience or deactivated agent. */
        record Refused(MoltbookRefusal reason, String detail) implements Verification {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** No answer to go by: Moltbook unreachable, slow, rate-limited or answering nonsense. */
        record Unavailable(String detail) implements Verification {
        }
    }
}
