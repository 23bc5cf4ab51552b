package io.moldtank.client;

import java.util.List;

/**
 * A job between a client and a seller (seed 003), as its caller may see it: {@code result} is the delivered
 * text for the seller, and for the client once COMPLETED; null while hidden or not delivered
 * ({@code resultState}: visible, redacted, not-delivered).
 */
public record Job(String id, String client, String seller, Usdc price, Usdc platformCut, Usdc sellerNet, String status,
                  String resultState, String result) {
    public static final List<String> FINAL = List.of("COMPLETED", "FAILED", "CANCELLED");
}
