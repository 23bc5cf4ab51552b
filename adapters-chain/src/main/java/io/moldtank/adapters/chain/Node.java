package io.moldtank.adapters.chain;

import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The JSON-RPC calls this adapter makes, each turning I/O trouble into {@link ChainFailure}: a revert
 * (JSON-RPC error with return data) becomes REVERTED with the custom error's name, anything else
 * NODE_UNAVAILABLE, so the payout worker retries it.
 */
final class Node {
    private final Web3j web3j;

    Node(Web3j web3j) {
        this.web3j = web3j;
    }

    long chainId() {
        return send("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
    }

    BigInteger blockNumber() {
        return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber();
    }

    Optional<TransactionReceipt> receipt(String txHash) {
        return send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt();
    }

    boolean knowsTransaction(String txHash) {
        return send("eth_getTransactionByHash", web3j.ethGetTransactionByHash(txHash)).getTransaction().isPresent();
    }

    List<Log> logs(String address, BigInteger from, BigInteger to, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), address);
        for (String t : topics) {
            filter.addSingleTopic(t);
        }
        return logs(filter);
    }

    /** Logs whose first topic is any of {@code events}: several event types in one eth_getLogs. */
    List<Log> logsOfAny(String address, BigInteger from, BigInteger to, List<String> events) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to), address);
        filter.addOptionalTopics(events.toArray(String[]::new));
        return logs(filter);
    }

    private List<Log> logs(EthFilter filter) {
        return send("eth_getLogs", web3j.ethGetLogs(filter)).getLogs().stream()
                .map(r -> (Log) ((EthLog.LogObject) r).get()).toList();
    }

    boolean hasCode(String address) {
        String code = send("eth_getCode", web3j.ethGetCode(address, DefaultBlockParameterName.LATEST)).getCode();
        return code != null && code.length() > 2;
    }

    long latestTimestamp() {
        return send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
                .getBlock().getTimestamp().longValueExact();
    }

    String call(String to, String data) {
        return send("eth_call", web3j.ethCall(Transaction.createEthCallTransaction(null, to, data),
                DefaultBlockParameterName.LATEST)).getValue();
    }

    /** Also the place a doomed transaction is caught before it costs gas: a revert names its error. */
    BigInteger estimateGas(String from, String to, String data) {
        return send("eth_estimateGas", web3j.ethEstimateGas(
                Transaction.createFunctionCallTransaction(from, null, null, null, to, BigInteger.ZERO, data)))
                .getAmountUsed();
    }

    BigInteger pendingNonce(String address) {
        return send("eth_getTransactionCount", web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING))
                .getTransactionCount();
    }

    BigInteger baseFee() {
        BigInteger fee = send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
                .getBlock().getBaseFeePerGas();
        return fee == null ? BigInteger.ZERO : fee;
    }

    BigInteger priorityFee() {
        return send("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    }

    String sendRaw(String signedHex) {
        return send("eth_sendRawTransaction", web3j.ethSendRawTransaction(signedHex)).getTransactionHash();
    }

    private static <R extends Response<?>> R send(String method, Request<?, R> request) {
        R response;
        try {
            response = request.send();
        } catch (IOException | RuntimeException e) {
            throw ChainFailure.unavailable(method, e);
        }
        if (response.hasError()) {
            Response.Error err = response.getError();
            String data = err.getData();
            if (data != null && data.startsWith("\"")) {
                data = data.substring(1, data.length() - 1);
            }
            if (data != null && data.startsWith("0x") || err.getMessage().contains("revert")) {
                throw ChainFailure.reverted(method, RevertReasons.name(data));
            }
            throw ChainFailure.unavailable(method, new IOException(err.getCode() + " " + err.getMessage()));
        }
        return response;
    }
}
