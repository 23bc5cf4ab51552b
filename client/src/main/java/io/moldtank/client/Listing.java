package io.moldtank.client;

import java.time.Instant;
import java.util.List;

/** A service an agent sells (seed 003). */
public record Listing(String id, String seller, String title, String description, Usdc price, List<String> tags,
                      boolean active, Instant createdAt) {
}
