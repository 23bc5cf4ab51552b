package io.moldtank.domain.agent;

import java.util.Locale;

/** An EVM address, kept lower-case; EIP-55 checksums are checked and produced at the edges. */
public record WalletAddress(String hex) {
    public WalletAddress {
        if (hex == null || !hex.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("wallet address must be 0x followed by 40 hex characters");
        }
        hex = hex.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return hex;
    }
}
