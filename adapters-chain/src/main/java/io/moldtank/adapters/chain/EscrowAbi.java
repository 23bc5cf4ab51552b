package io.moldtank.adapters.chain;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.utils.Numeric;

/**
 * Calldata and event topics of MoldTankEscrow and the ERC-20 calls around it, encoded by hand with
 * web3j's FunctionEncoder (the codegen maven plugin cannot run offline; the ABI is small and stable).
 * Must agree with contracts/contracts/MoldTankEscrow.sol; EscrowAbiTest checks it against build/.
 */
final class EscrowAbi {
    static final Event DEPOSITED = new Event("Deposited", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { }, new TypeReference<Uint64>() { }));
    static final Event RELEASED = movement("Released");
    static final Event REFUNDED = movement("Refunded");
    static final Event EMERGENCY_WITHDRAWN = movement("EmergencyWithdrawn");
    static final String DEPOSITED_TOPIC = EventEncoder.encode(DEPOSITED);
    static final String RELEASED_TOPIC = EventEncoder.encode(RELEASED);
    static final String REFUNDED_TOPIC = EventEncoder.encode(REFUNDED);
    static final String EMERGENCY_WITHDRAWN_TOPIC = EventEncoder.encode(EMERGENCY_WITHDRAWN);
    /** ERC-20 {@code Transfer(address indexed from, address indexed to, uint256 value)}. */
    static final String TRANSFER_TOPIC = EventEncoder.encode(new Event("Transfer", List.of(
            new TypeReference<Address>(true) { }, new TypeReference<Address>(true) { },
            new TypeReference<Uint256>() { })));

    private EscrowAbi() {
    }

    static String approve(String spender, BigInteger amount) {
        return encode("approve", new Address(spender), new Uint256(amount));
    }

    static String deposit(byte[] bountyId, BigInteger amount, long deadline) {
        return encode("deposit", new Bytes32(bountyId), new Uint256(amount), new Uint64(deadline));
    }

    static String release(byte[] bountyId, String winner, BigInteger amount) {
        return encode("release", new Bytes32(bountyId), new Address(winner), new Uint256(amount));
    }

    static String refund(byte[] bountyId) {
        return encode("refund", new Bytes32(bountyId));
    }

    static String transfer(String to, BigInteger amount) {
        return encode("transfer", new Address(to), new Uint256(amount));
    }

    static String balanceOf(String owner) {
        return encode("balanceOf", new Address(owner));
    }

    /** The address in an indexed topic (the last 20 of its 32 bytes). */
    static String indexedAddress(String topic) {
        return "0x" + topic.substring(26);
    }

    /** The first 32-byte word of a log's data: the amount in every escrow and ERC-20 event used here. */
    static BigInteger firstWord(String data) {
        return Numeric.toBigInt(data.substring(0, 66));
    }

    /** The shape of the escrow's movement events: {@code (bytes32 indexed bountyId, address indexed, uint256 amount)}. */
    private static Event movement(String name) {
        return new Event(name, List.of(new TypeReference<Bytes32>(true) { }, new TypeReference<Address>(true) { },
                new TypeReference<Uint256>() { }));
    }

    private static String encode(String name, org.web3j.abi.datatypes.Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }
}
