package io.moldtank.app.wiring;

import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.memory.InMemoryEscrow;
import io.moldtank.ports.memory.InMemoryEscrow.Entry;
import io.moldtank.ports.memory.InMemoryEscrow.Tx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock chain's journal: one line per mint or mined transaction, appended as it happens and
 * replayed at start, so deposits made before a restart are still in escrow after it — as the H2
 * file keeps the bounties they fund. Each line is forced to disk before the chain call returns: the
 * chain is the source of truth that reconciliation repairs the database from, so it must never be
 * behind it. A line that cannot be written fails the chain call that made it (the change stays in
 * memory: a dev chain, not a ledger of record). A torn last line — a process killed mid-write, whose
 * transaction was never answered — is dropped at start, and the file cut back to its last whole line.
 */
final class MockChainFile implements InMemoryEscrow.Journal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockChainFile.class);

    private final Path file;
    private final FileChannel out;

    private MockChainFile(Path file, FileChannel out) {
        this.file = file;
        this.out = out;
    }

    /** Drops bytes after the last newline: the line a killed process was writing, never acknowledged. */
    private static void cutTornTail(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < size) {
                LOG.atWarn().addKeyValue("event", "mock-chain-torn-line").addKeyValue("file", file.toString())
                        .addKeyValue("bytes", size - keep).log("dropped a torn last line of the mock chain journal");
                ch.truncate(keep);
                ch.force(true);
            }
        }
    }

    /** The chain in {@code file} (empty when there is none yet), journalling to it from now on. */
    static Opened open(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            List<Entry> entries = new ArrayList<>();
            if (Files.exists(file)) {
                cutTornTail(file);
                int n = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    n++;
                    if (!line.isBlank()) {
                        entries.add(parse(line, file, n));
                    }
                }
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            MockChainFile journal = new MockChainFile(file, channel);
            try {
                return new Opened(InMemoryEscrow.replay(entries, journal), journal);
            } catch (RuntimeException e) {
                journal.close();
                throw new IllegalStateException("mock chain journal " + file + " does not replay: " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("mock chain journal " + file + ": " + e.getMessage(), e);
        }
    }

    record Opened(InMemoryEscrow chain, MockChainFile journal) {
    }

    @Override
    public void minted(WalletAddress to, Usdc amount) {
        append(Entry.mint(to, amount).line());
    }

    @Override
    public void mined(Tx tx) {
        append(Entry.mined(tx).line());
    }

    private void append(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("mock chain journal " + file + " not written: " + e.getMessage(), e);
        }
    }

    private static Entry parse(String line, Path file, int n) {
        try {
            return Entry.parse(line);
        } catch (RuntimeException e) {
            throw new IllegalStateException("mock chain journal " + file + " line " + n + " is unreadable: " + line, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
