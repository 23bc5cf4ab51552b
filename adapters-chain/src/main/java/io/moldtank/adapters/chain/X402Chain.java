package io.moldtank.adapters.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** What the chain says about an EIP-3009 authorization: used or not, and the transaction that used it. */
final class X402Chain {
    static final String AUTHORIZATION_USED_TOPIC = EventEncoder.encode(new Event("AuthorizationUsed",
            List.of(new TypeReference<Address>(true) { }, new TypeReference<Bytes32>(true) { })));

    private X402Chain() {
    }

    static boolean authorizationUsed(Node node, String token, String authorizer, String nonce) {
        String out = node.call(token, FunctionEncoder.encode(new Function("authorizationState", List.of(
                new Address(authorizer), new Bytes32(Numeric.hexStringToByteArray(nonce))), List.of())));
        return Numeric.toBigInt(out).signum() != 0;
    }

    static BigInteger balanceOf(Node node, String token, String owner) {
        return Numeric.toBigInt(node.call(token, EscrowAbi.balanceOf(owner)));
    }

    /** The transaction whose AuthorizationUsed(authorizer, nonce) log is on chain, if any. */
    static Optional<String> usedBy(Node node, String token, String authorizer, String nonce, long fromBlock) {
        String authorizerTopic = Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(authorizer), 64);
        List<Log> logs = node.logs(token, BigInteger.valueOf(fromBlock), node.blockNumber(), AUTHORIZATION_USED_TOPIC,
                authorizerTopic, nonce.toLowerCase(java.util.Locale.ROOT));
        return logs.stream().filter(l -> !l.isRemoved()).map(Log::getTransactionHash).findFirst();
    }
}
