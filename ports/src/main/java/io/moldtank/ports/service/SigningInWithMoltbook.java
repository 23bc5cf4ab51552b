package io.moldtank.ports.service;

import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.moltbook.MoltbookIdentity;
import io.moldtank.domain.moltbook.MoltbookLink;
import io.moldtank.domain.moltbook.MoltbookRefusal;
import io.moldtank.ports.in.Outcome;
import io.moldtank.ports.in.moltbook.MoltbookUseCases;
import io.moldtank.ports.out.moltbook.IdentityVerifier;
import io.moldtank.ports.out.moltbook.IdentityVerifier.Verification;
import io.moldtank.ports.out.moltbook.MoltbookLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * "Sign in with Moltbook": verifies identity tokens with Moltbook through a cache ({@link VerifiedTokens}:
 * a verified token until it expires, or {@code unknownExpiry} when Moltbook gave no expiry; a refused one
 * for {@code refusalTtl}; an unavailable answer never) and links the identity to an agent. Each answer
 * goes to {@code outcomes} (the metric): verified, cached, expired, invalid, wrong_audience, deactivated,
 * unavailable.
 */
public final class SigningInWithMoltbook implements MoltbookUseCases {
    /** Longest token asked about; anything longer or not printable ASCII is invalid without asking. */
    public static final int MAX_TOKEN = 4096;

    public record Settings(int maxCached, Duration unknownExpiry, Duration refusalTtl) {
        public static final Settings STANDARD = new Settings(10_000, Duration.ofMinutes(5), Duration.ofMinutes(10));

        public Settings {
            if (maxCached < 1) {
                throw new IllegalArgumentException("maxCached must be at least 1");
            }
        }
    }

    private final IdentityVerifier verifier;
    private final MoltbookLinks links;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<String> outcomes;
    private final VerifiedTokens cache;

    public SigningInWithMoltbook(IdentityVerifier verifier, MoltbookLinks links, Clock clock, Settings settings,
                                 Consumer<String> outcomes) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.cache = new VerifiedTokens(settings.maxCached());
    }

    @Override
    public Outcome<MoltbookIdentity> check(String token) {
        Outcome<MoltbookIdentity> verified = verified(token);
        if (verified instanceof Outcome.Done<MoltbookIdentity> d && links.byName(d.value().name()).isPresent()) {
            return taken(d.value());
        }
        return verified;
    }

    @Override
    public Outcome<MoltbookLink> link(AgentId agent, String token) {
        return switch (verified(token)) {
            case Outcome.Done<MoltbookIdentity> d -> {
                Optional<MoltbookLink> holder = links.byName(d.value().name());
                MoltbookLink link = new MoltbookLink(agent, d.value(), clock.instant());
                if (holder.isPresent() && !holder.get().agent().equals(agent) || !links.save(link)) {
                    yield taken(d.value());
                }
                yield Outcome.done(link);
            }
            case Outcome.NotFound<MoltbookIdentity> n -> new Outcome.NotFound<>(n.what(), n.id());
            case Outcome.Refused<MoltbookIdentity> r -> new Outcome.Refused<>(r.reason(), r.detail());
        };
    }

    @Override
    public Optional<MoltbookLink> linkOf(AgentId agent) {
        return links.linkOf(agent);
    }

    private Outcome<MoltbookIdentity> verified(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN
                || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            outcomes.accept("invalid");
            return new Outcome.Refused<>(MoltbookRefusal.MOLTBOOK_TOKEN_INVALID,
                    "the identity token must be 1.." + MAX_TOKEN + " printable ASCII characters");
        }
        Instant now = clock.instant();
        Verification answer = cache.get(token, now);
        if (answer != null) {
            outcomes.accept("cached");
        } else {
            answer = verifier.verify(token);
            switch (answer) {
                case Verification.Verified v -> cache.put(token, v, v.expiresAt() == null
                        ? now.plus(settings.unknownExpiry()) : v.expiresAt());
                case Verification.Refused r -> cache.put(token, r, now.plus(settings.refusalTtl()));
                case Verification.Unavailable u -> { }
            }
            outcomes.accept(outcome(answer));
        }
        return switch (answer) {
            case Verification.Verified v -> Outcome.done(v.identity());
            case Verification.Refused r -> new Outcome.Refused<>(r.reason(), r.detail() == null
                    ? "Moltbook refused the identity token" : r.detail());
            case Verification.Unavailable u -> new Outcome.Refused<>(MoltbookRefusal.MOLTBOOK_UNAVAILABLE,
                    "Moltbook could not verify the token now: " + u.detail());
        };
    }

    private static String outcome(Verification answer) {
        return switch (answer) {
            case Verification.Verified v -> "verified";
            case Verification.Unavailable u -> "unavailable";
            case Verification.Refused r -> switch (r.reason()) {
                case MOLTBOOK_TOKEN_EXPIRED -> "expired";
                case MOLTBOOK_WRONG_AUDIENCE -> "wrong_audience";
                case MOLTBOOK_AGENT_DEACTIVATED -> "deactivated";
                default -> "invalid";
            };
        };
    }

    private static <T> Outcome<T> taken(MoltbookIdentity identity) {
        return new Outcome.Refused<>(MoltbookRefusal.MOLTBOOK_IDENTITY_TAKEN,
                "the Moltbook identity " + identity.name() + " is linked to another agent");
    }
}
