package io.moldtank.adapters.chain;

import io.moldtank.ports.service.UrlPolicy;
import io.moldtank.adapters.chain.ChainAdapters.ChainFailure;
import io.moldtank.adapters.chain.ChainAdapters.ChainSettings;
import io.moldtank.adapters.chain.ChainAdapters.Connection;
import io.moldtank.adapters.chain.ChainAdapters.Facilitator;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.out.chain.TreasuryGateway;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.EscrowHistory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

/** Opens web3j on the configured node and refuses it unless chain id and escrow contract check out. */
final class Web3jConnection implements Connection {
    private final Web3j web3j;
    private final ChainSettings settings;
    private final Node node;
    private final Web3jEscrowGateway escrow;
    private final EscrowLogs history;
    private final long chainId;

    private Web3jConnection(Web3j web3j, ChainSettings settings, Node node, Web3jEscrowGateway escrow, long chainId) {
        this.web3j = web3j;
        this.settings = settings;
        this.node = node;
        this.escrow = escrow;
        this.history = new EscrowLogs(settings, node);
        this.chainId = chainId;
    }

    static Connection open(ChainSettings settings) {
        Web3j web3j = Web3j.build(new HttpService(settings.rpcUrl()));
        try {
            Node node = new Node(web3j);
            long actual = node.chainId();
            if (actual != settings.chainId()) {
                throw ChainFailure.wrongChain(settings.chainId(), actual);
            }
            if (!node.hasCode(settings.escrowAddress())) {
                throw new ChainFailure(ChainFailure.Kind.NO_CONTRACT, "no contract at escrow address "
                        + settings.escrowAddress() + " on chain " + actual, null, null);
            }
            Credentials qa = Credentials.create(settings.qaPrivateKey());
            ReleaseJournal journal = settings.journal() == null ? ReleaseJournal.inMemory()
                    : ReleaseJournal.file(settings.journal());
            QaWallet wallet = new QaWallet(node, qa, new RawTransactionManager(web3j, qa, actual), actual, journal,
                    settings.receiptTimeout(), settings.pollInterval());
            return new Web3jConnection(web3j, settings, node, new Web3jEscrowGateway(settings, node, wallet, journal), actual);
        } catch (RuntimeException e) {
            web3j.shutdown();
            throw e;
        }
    }

    @Override
    public EscrowGateway escrow() {
        return escrow;
    }

    @Override
    public EscrowHistory escrowHistory() {
        return history;
    }

    @Override
    public PaymentRail x402(String payoutPrivateKey, UrlPolicy urls) {
        return new X402Rail(settings, node, Credentials.create(payoutPrivateKey), urls);
    }

    @Override
    public TreasuryGateway treasury(String treasuryPrivateKey, Path journal) {
        if (treasuryPrivateKey == null || !treasuryPrivateKey.matches("(0x)?[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("treasuryPrivateKey must be 32 bytes of hex");
        }
        Credentials key = Credentials.create(treasuryPrivateKey);
        QaWallet wallet = new QaWallet(node, key, new RawTransactionManager(web3j, key, chainId), chainId,
                ReleaseJournal.none(), settings.receiptTimeout(), settings.pollInterval());
        return new Web3jTreasuryGateway(settings, node, wallet,
                journal == null ? WithdrawalJournal.inMemory() : WithdrawalJournal.file(journal));
    }

    @Override
    public Facilitator startFacilitator(String settlerPrivateKey, InetSocketAddress bind) {
        Credentials key = Credentials.create(settlerPrivateKey);
        QaWallet settler = new QaWallet(node, key, new RawTransactionManager(web3j, key, chainId), chainId,
                ReleaseJournal.none(), settings.receiptTimeout(), settings.pollInterval());
        return FacilitatorServer.start(new X402Facilitator(settings, node, settler), chainId, bind);
    }

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
