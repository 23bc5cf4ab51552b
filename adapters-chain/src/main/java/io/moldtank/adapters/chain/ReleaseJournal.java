package io.moldtank.adapters.chain;

import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.payout.PayoutId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the QA wallet signed, written before the bytes go to the node. The tx hash of a signed
 * transaction is known before broadcast (keccak of its bytes), so after a crash the adapter can ask the
 * node about exactly that transaction, rebroadcast the same bytes (same nonce: it cannot pay twice) or
 * see that it was dropped, instead of signing a second release. The payout outbox stores the hash the
 * gateway returns; this journal covers the window between signing and that row being written.
 */
interface ReleaseJournal {

    String END = "end";

    record Entry(PayoutId payoutId, BountyId bountyId, BigInteger nonce, String txHash, String signedTx) {
    }

    /** Durable when it returns. */
    void record(Entry entry);

    List<Entry> forBounty(BountyId bountyId);

    /** For transactions that are not releases (a facilitator's settlements): nothing to remember. */
    static ReleaseJournal none() {
        return new ReleaseJournal() {
            @Override
            public void record(Entry entry) {
            }

            @Override
            public List<Entry> forBounty(BountyId bountyId) {
                return List.of();
            }
        };
    }

    static ReleaseJournal inMemory() {
        List<Entry> entries = new ArrayList<>();
        return new ReleaseJournal() {
            @Override
            public synchronized void record(Entry entry) {
                entries.add(entry);
            }

            @Override
            public synchronized List<Entry> forBounty(BountyId bountyId) {
                return entries.stream().filter(e -> e.bountyId().equals(bountyId)).toList();
            }
        };
    }

    /** One tab-separated line per entry, appended and fsync'ed; read back whole on open. */
    static ReleaseJournal file(Path path) {
        ReleaseJournal memory = inMemory();
        try {
            // Made at open, so a node without its data directory fails at start instead of parking every payment.
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    // A torn last line (crash mid-append) lacks the end mark; it was never broadcast.
                    if (f.length == 6 && f[5].equals(END)) {
                        memory.record(new Entry(new PayoutId(UUID.fromString(f[0])), BountyId.parse(f[1]), new BigInteger(f[2]), f[3], f[4]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read release journal " + path, e);
        }
        return new ReleaseJournal() {
            @Override
            public synchronized void record(Entry e) {
                String line = String.join("\t", e.payoutId().value().toString(), e.bountyId().value().toString(),
                        e.nonce().toString(), e.txHash(), e.signedTx(), END) + "\n";
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot write release journal " + path, ex);
                }
                memory.record(e);
            }

            @Override
            public List<Entry> forBounty(BountyId bountyId) {
                return memory.forBounty(bountyId);
            }
        };
    }
}
