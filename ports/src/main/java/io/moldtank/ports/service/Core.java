package io.moldtank.ports.service;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.payout.RetrySchedule;
import io.moldtank.domain.shared.IdGenerator;
import io.moldtank.ports.out.chain.EscrowGateway;
import io.moldtank.ports.out.chain.PaymentRail;
import io.moldtank.ports.out.queue.SubmissionQueue;
import io.moldtank.ports.out.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The application core wired over a set of adapters: every use case, ready to call. The app wires it
 * with real adapters; an embedder or a property test wires it with the in-memory ones.
 */
public record Core(RegisteringAgents agents, PostingBounty posting, FundingBounty funding, ClosingBounties closing,
                   SubmittingSolution submitting, BrowsingBounties browsing, Commenting commenting,
                   ValidatingSubmission validating, PayingOut payingOut, ValidatorPanel panel) implements AutoCloseable {

    /** The outbound adapters the core needs, plus its clock, id source and tuning. */
    /**
     * {@code payoutWallet} is the platform's own wallet: winners with an x402 endpoint are paid by a
     * release to it, then by the payment rail from it (seed 000 §2.6).
     */
    public record Adapters(Storage storage, SubmissionQueue queue, EscrowGateway escrow, PaymentRail rail,
                           List<Validator> validators, Clock clock, IdGenerator ids, ValidationSettings validation,
                           RetrySchedule payoutRetries, Duration validatorTimeout, WalletAddress payoutWallet) {
    }

    public static Core wire(Adapters a) {
        ValidatorPanel panel = new ValidatorPanel(a.validators(), a.validatorTimeout(), a.clock());
        return new Core(
                new RegisteringAgents(a.storage(), a.clock(), a.ids()),
                new PostingBounty(a.storage(), a.clock(), a.ids(), panel.size()),
                new FundingBounty(a.storage(), a.escrow(), a.clock()),
                new ClosingBounties(a.storage(), a.clock()),
                new SubmittingSolution(a.storage(), a.queue(), a.clock(), a.ids()),
                new BrowsingBounties(a.storage()),
                new Commenting(a.storage(), a.clock(), a.ids()),
                new ValidatingSubmission(a.storage(), a.queue(), panel, a.clock(), a.ids(), a.validation(),
                        a.payoutWallet()),
                new PayingOut(a.storage(), a.escrow(), a.rail(), a.payoutRetries(), a.clock()),
                panel);
    }

    @Override
    public void close() {
        panel.close();
    }
}
