package io.moldtank.adapters.chain;

import io.moldtank.ports.testing.RequiredServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Anvil node on 127.0.0.1 with a free port, from contracts/node_modules (installed by
 * .ci/contracts.sh). Missing binary: fails under CI=true, loud skip elsewhere. Always killed on close.
 */
final class Anvil implements AutoCloseable {
    static final Path CONTRACTS = Path.of(System.getProperty("user.dir")).resolve("../contracts").normalize();
    static final Path BINARY = Path.of(RequiredServer.env("MOLDTANK_ANVIL",
            CONTRACTS.resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil").toString()));

    final String url;
    final long chainId;
    private final Process process;

    private Anvil(String url, long chainId, Process process) {
        this.url = url;
        this.chainId = chainId;
        this.process = process;
    }

    static Anvil start(long chainId) {
        if (!Files.isExecutable(BINARY)) {
            throw RequiredServer.unavailable("Anvil (local EVM node)", BINARY.toString(),
                    ".ci/contracts.sh (npm ci in contracts/)", new IOException("no executable at " + BINARY));
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder(BINARY.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                    "--chain-id", String.valueOf(chainId), "--hardfork", "cancun", "--silent")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Anvil anvil = new Anvil("http://127.0.0.1:" + port, chainId, p);
            anvil.awaitReady();
            return anvil;
        } catch (IOException e) {
            throw RequiredServer.unavailable("Anvil (local EVM node)", BINARY.toString(),
                    ".ci/contracts.sh (npm ci in contracts/)", e);
        }
    }

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IOException("anvil did not answer on " + url, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IOException("interrupted while waiting for anvil", e);
            }
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
