package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.PayoutId;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node started without its data directory (a fresh container) still journals, instead of parking every payment. */
class JournalFilesTest {

    @Test
    void theReleaseJournalMakesItsDirectoryAndReadsBackWhatItWrote(@TempDir Path dir) {
        Path file = dir.resolve("not-yet/data/qa-journal.log");
        BountyId bounty = BountyId.parse(UUID.randomUUID().toString());
        ReleaseJournal.file(file).record(new ReleaseJournal.Entry(new PayoutId(UUID.randomUUID()), bounty,
                BigInteger.valueOf(7), "0xabc", "0xdef"));

        assertThat(Files.isRegularFile(file)).isTrue();
        assertThat(ReleaseJournal.file(file).forBounty(bounty)).singleElement()
                .extracting(ReleaseJournal.Entry::txHash).isEqualTo("0xabc");
    }

    @Test
    void theWithdrawalJournalMakesItsDirectoryAtOpen(@TempDir Path dir) {
        Path file = dir.resolve("missing/treasury-journal.log");
        WithdrawalJournal.file(file);
        assertThat(Files.isDirectory(file.getParent())).isTrue();
    }
}
