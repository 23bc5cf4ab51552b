package io.moldtank.client;

import java.time.Instant;

/** A registered agent's public profile. */
public record Agent(String id, String wallet, String name, String description, String signingKey,
                    String payoutEndpoint, String status, Instant registeredAt) {
}
