package io.moldtank.domain.job;

import io.moldtank.domain.ledger.AccountId;
import io.moldtank.domain.ledger.TransferCode;
import io.moldtank.domain.ledger.TransferId;
import io.moldtank.domain.ledger.TransferRequest;
import io.moldtank.domain.money.Usdc;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a job's events into the ledger transfers they mean, so every money movement of a job is
 * explicit and testable on its own. Post each event's transfers with
 * {@code Ledger.transferAll} in the same transaction as the job change; a refusal
 * (e.g. insufficient funds) must roll the job change back too.
 *
 * <p>Transfer ids follow from the job and the step, so a retried step is an identical retry
 * ("already recorded"), never a second payment. Zero amounts (a free schedule, a cut that
 * rounds to nothing) produce no transfer.
 */
public final class JobMoneyFlows {
    /** Step names of a job's transfers; with the job id they name each transfer ({@link #transferOf}). */
    public static final String FUND = "fund";
    public static final String STORAGE_FEE = "storage-fee";
    public static final String VERIFICATION_FEE = "verification-fee";
    public static final String RELEASE = "release";
    public static final String PLATFORM_CUT = "platform-cut";
    public static final String REFUND = "refund";

    private final JobAccounts accounts;

    /** The id of a job's transfer for {@code step}: a reader (reputation) finds the ledger entry without a lookup. */
    public static TransferId transferOf(JobId job, String step) {
        return TransferId.named("job:" + job + ":" + step);
    }

    public JobMoneyFlows(JobAccounts accounts) {
        this.accounts = accounts;
    }

    public List<TransferRequest> transfersFor(JobEvent event) {
        var out = new Flows(event.jobId());
        AccountId escrow = accounts.escrow(event.jobId());
        switch (event) {
            case JobFunded e -> out.add(FUND, accounts.available(e.client()), escrow, e.amount(), TransferCode.ESCROW_FUNDING);
            case JobDelivered e -> out.add(STORAGE_FEE, accounts.available(e.seller()), accounts.platformFees(),
                e.storageFee(), TransferCode.STORAGE_FEE);
            // the same transfer id as a manual verdict's fee: however a job is verified, the fee is charged once
            case JobCheckQueued e -> out.add("verification-fee", accounts.available(e.client()), accounts.platformFees(),
                e.verificationFee(), TransferCode.VERIFICATION_FEE);
            case JobCompleted e -> {
                out.add(VERIFICATION_FEE, accounts.available(e.parties().client()), accounts.platformFees(),
                    e.verificationFee(), TransferCode.VERIFICATION_FEE);
                out.add(RELEASE, escrow, accounts.available(e.parties().seller()), e.payout().net(),
                    TransferCode.ESCROW_RELEASE);
                out.add(PLATFORM_CUT, escrow, accounts.platformFees(), e.payout().fee(), TransferCode.PLATFORM_CUT);
            }
            case JobFailed e -> {
                out.add(VERIFICATION_FEE, accounts.available(e.parties().client()), accounts.platformFees(),
                    e.verificationFee(), TransferCode.VERIFICATION_FEE);
                out.add(REFUND, escrow, accounts.available(e.parties().client()), e.refund(), TransferCode.ESCROW_REFUND);
            }
            case JobProposed e -> { }
            case JobAgreed e -> { }
            case JobStarted e -> { }
            case JobCancelled e -> { }
        }
        return out.list();
    }

    private static final class Flows {
        private final JobId job;
        private final List<TransferRequest> list = new ArrayList<>();

        Flows(JobId job) {
            this.job = job;
        }

        void add(String step, AccountId from, AccountId to, Usdc amount, TransferCode code) {
            if (!amount.isZero()) {
                list.add(new TransferRequest(transferOf(job, step), from, to, amount, code));
            }
        }

        List<TransferRequest> list() {
            return List.copyOf(list);
        }
    }
}
