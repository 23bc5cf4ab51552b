package io.moldtank.adapters.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Anvil with TestUSDC and MoldTankEscrow deployed from contracts/build (the committed compiler output),
 * and Anvil's funded dev keys in fixed roles. Test-side transactions (the poster's, a rogue QA's) go
 * through here; the adapter under test signs only its own.
 */
final class LocalChain implements AutoCloseable {
    static final Credentials DEPLOYER = Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    static final Credentials QA = Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    static final Credentials MULTISIG = Credentials.create("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    static final Credentials POSTER = Credentials.create("0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6");
    static final Credentials WINNER = Credentials.create("0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a");
    static final Credentials OTHER = Credentials.create("0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    static final Credentials TREASURY = Credentials.create("0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");

    final Anvil anvil;
    final Web3j web3j;
    private final HttpService http;
    final String usdc;
    final String escrow;

    private LocalChain(Anvil anvil, Web3j web3j, HttpService http, String usdc, String escrow) {
        this.anvil = anvil;
        this.web3j = web3j;
        this.http = http;
        this.usdc = usdc;
        this.escrow = escrow;
    }

    static LocalChain start() {
        Anvil anvil = Anvil.start(31337);
        HttpService http = new HttpService(anvil.url);
        Web3j web3j = Web3j.build(http);
        try {
            String usdc = deploy(web3j, "TestUSDC", FunctionEncoder.encodeConstructor(List.of(new Utf8String("USDC"))));
            String escrow = deploy(web3j, "MoldTankEscrow", FunctionEncoder.encodeConstructor(List.of(
                    new Address(usdc), new Address(MULTISIG.getAddress()), new Address(QA.getAddress()))));
            return new LocalChain(anvil, web3j, http, usdc, escrow);
        } catch (RuntimeException e) {
            web3j.shutdown();
            anvil.close();
            throw e;
        }
    }

    ChainAdapters.ChainSettings settings() {
        return ChainAdapters.ChainSettings.local(anvil.url, anvil.chainId, usdc, escrow,
                "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    }

    /** The local settings with other confirmations and log window (fromBlock 0). */
    ChainAdapters.ChainSettings settings(int confirmations, long logWindow) {
        ChainAdapters.ChainSettings s = settings();
        return new ChainAdapters.ChainSettings(s.rpcUrl(), s.chainId(), s.usdcAddress(), s.escrowAddress(),
                s.qaPrivateKey(), confirmations, 0, s.depositWindow(), s.receiptTimeout(), s.pollInterval(), logWindow,
                null);
    }

    /** Another ERC-20 with the same code as the configured USDC: a token the adapter must not take for it. */
    String deployToken(String name) {
        return deploy(web3j, "TestUSDC", FunctionEncoder.encodeConstructor(List.of(new Utf8String(name))));
    }

    private static String deploy(Web3j web3j, String contract, String constructorArgs) {
        TransactionReceipt r = send(web3j, DEPLOYER, "", bytecode(contract) + constructorArgs);
        return r.getContractAddress();
    }

    static String bytecode(String contract) {
        Path file = Anvil.CONTRACTS.resolve("build").resolve(contract + ".json");
        try {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            return json.get("bytecode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (run npm run build in contracts/)", e);
        }
    }

    /** Sends a transaction from {@code from}; returns its receipt whatever its status. */
    TransactionReceipt send(Credentials from, String to, String data) {
        return send(web3j, from, to, data);
    }

    private static TransactionReceipt send(Web3j web3j, Credentials from, String to, String data) {
        try {
            var tm = new RawTransactionManager(web3j, from, 31337, new PollingTransactionReceiptProcessor(web3j, 20, 500));
            var sent = tm.sendEIP1559Transaction(31337, BigInteger.valueOf(1_000_000_000L),
                    BigInteger.valueOf(100_000_000_000L), BigInteger.valueOf(5_000_000), to, data, BigInteger.ZERO, false);
            if (sent.hasError()) {
                throw new IllegalStateException("send failed: " + sent.getError().getMessage());
            }
            return new PollingTransactionReceiptProcessor(web3j, 20, 500).waitForTransactionReceipt(sent.getTransactionHash());
        } catch (IOException | org.web3j.protocol.exceptions.TransactionException e) {
            throw new IllegalStateException(e);
        }
    }

    void mint(String to, BigInteger amount) {
        mint(usdc, to, amount);
    }

    void mint(String token, String to, BigInteger amount) {
        send(DEPLOYER, token, FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("mint",
                List.of(new Address(to), new Uint256(amount)), List.of())));
    }

    BigInteger balanceOf(String owner) {
        try {
            String out = web3j.ethCall(org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(
                    null, usdc, EscrowAbi.balanceOf(owner)), org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
                    .send().getValue();
            return new BigInteger(out.substring(2), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest block's time: deadlines must follow the chain's clock, which tests move forward. */
    java.time.Instant now() {
        try {
            return java.time.Instant.ofEpochSecond(web3j.ethGetBlockByNumber(
                    org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock()
                    .getTimestamp().longValueExact());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void increaseTime(long seconds) {
        rpc("evm_increaseTime", List.of(seconds));
        rpc("evm_mine", List.of());
    }

    void mine(int blocks) {
        for (int i = 0; i < blocks; i++) {
            rpc("evm_mine", List.of());
        }
    }

    private void rpc(String method, List<?> params) {
        try {
            var req = new Request<>(method, params, http, VoidResponse.class);
            if (req.send().hasError()) {
                throw new IllegalStateException(method + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
        anvil.close();
    }
}
