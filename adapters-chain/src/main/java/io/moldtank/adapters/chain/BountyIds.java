package io.moldtank.adapters.chain;

import io.moldtank.domain.bounty.BountyId;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * bytes32 on chain = the bounty UUID's 16 bytes, left-padded with zeros. Chosen over keccak(id) because
 * the mapping is reversible: a Deposited or Released log names the bounty without a lookup table, and
 * anyone can check by eye that a transaction belongs to a bounty.
 */
final class BountyIds {
    private BountyIds() {
    }

    static byte[] toBytes32(BountyId id) {
        UUID uuid = id.value();
        return ByteBuffer.allocate(32).putLong(16, uuid.getMostSignificantBits())
                .putLong(24, uuid.getLeastSignificantBits()).array();
    }

    static String toTopic(BountyId id) {
        return org.web3j.utils.Numeric.toHexString(toBytes32(id));
    }

    /** The bounty id a bytes32 holds, or null when the high 16 bytes are not zero (not one of ours). */
    static BountyId fromBytes32(byte[] word) {
        ByteBuffer b = ByteBuffer.wrap(word);
        if (word.length != 32 || b.getLong(0) != 0 || b.getLong(8) != 0) {
            return null;
        }
        return new BountyId(new UUID(b.getLong(16), b.getLong(24)));
    }
}
