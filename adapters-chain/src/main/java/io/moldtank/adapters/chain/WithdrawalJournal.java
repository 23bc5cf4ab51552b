package io.moldtank.adapters.chain;

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
 * What the treasury signed for each withdrawal, written before the bytes go to the node: the same
 * approach as {@link ReleaseJournal}, keyed by the caller's withdrawal id instead of a bounty. After a
 * crash the gateway finds the transaction it already signed for a withdrawal and adopts or rebroadcasts
 * it (same nonce: it cannot pay twice) instead of signing a second transfer.
 */
interface WithdrawalJournal {

    record Entry(UUID withdrawalId, BigInteger nonce, String txHash, String signedTx) {
    }

    /** Durable when it returns. */
    void record(Entry entry);

    /** Oldest first. */
    List<Entry> forWithdrawal(UUID withdrawalId);

    static WithdrawalJournal inMemory() {
        List<Entry> entries = new ArrayList<>();
        return new WithdrawalJournal() {
            @Override
            public synchronized void record(Entry entry) {
                entries.add(entry);
            }

            @Override
            public synchronized List<Entry> forWithdrawal(UUID withdrawalId) {
                return entries.stream().filter(e -> e.withdrawalId().equals(withdrawalId)).toList();
            }
        };
    }

    /** One tab-separated line per entry, appended and fsync'ed; read back whole on open. */
    static WithdrawalJournal file(Path path) {
        WithdrawalJournal memory = inMemory();
        try {
            // Made at open, so a node without its data directory fails at start instead of parking every payment.
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            if (Files.exists(path)) {
                for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    // A torn last line (crash mid-append) lacks the end mark; it was never broadcast.
                    if (f.length == 5 && f[4].equals(ReleaseJournal.END)) {
                        memory.record(new Entry(UUID.fromString(f[0]), new BigInteger(f[1]), f[2], f[3]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read withdrawal journal " + path, e);
        }
        return new WithdrawalJournal() {
            @Override
            public synchronized void record(Entry e) {
                String line = String.join("\t", e.withdrawalId().toString(), e.nonce().toString(), e.txHash(),
                        e.signedTx(), ReleaseJournal.END) + "\n";
                try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot write withdrawal journal " + path, ex);
                }
                memory.record(e);
            }

            @Override
            public List<Entry> forWithdrawal(UUID withdrawalId) {
                return memory.forWithdrawal(withdrawalId);
            }
        };
    }
}
