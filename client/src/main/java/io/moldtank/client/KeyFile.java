package io.moldtank.client;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * The agent's key on disk: one JSON file ({@code v}, {@code seed} and {@code publicKey} in hex, {@code agentId},
 * {@code server}) that only its owner may read (mode 600, created so from the first byte, written whole or
 * not at all). A file that group or others may read is refused, as ssh refuses a private key.
 * The default place is {@code $MOLDTANK_HOME/agent.json}, else {@code ~/.moldtank/agent.json}.
 */
public final class KeyFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFile() {
    }

    public static Path defaultPath(Map<String, String> env) {
        String home = env.get("MOLDTANK_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "agent.json");
        }
        return Path.of(System.getProperty("user.home"), ".moldtank", "agent.json");
    }

    /** Writes a new key file; refuses to replace one (a lost key is a lost agent). */
    public static void create(Path file, Identity identity) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is there already; "
                    + "move it away first (its agent can no longer sign once it is gone)");
        }
        write(file, identity);
    }

    /** Replaces the file's contents whole (after a registration adds the agent id). */
    public static void save(Path file, Identity identity) throws IOException {
        write(file, identity);
    }

    public static Identity load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no key file: run `moldtank agent keygen`");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new IOException(file + " may be read by others (" + PosixFilePermissions.toString(perms)
                        + "); run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's protection is all there is
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            JSONObject o = new JSONObject(text);
            if (o.optInt("v", 0) != 1) {
                throw new IOException(file + ": not a MoldTank key file (v must be 1)");
            }
            AgentKey key = AgentKey.fromSeedHex(o.getString("seed"));
            String stated = o.optString("publicKey", null);
            if (stated != null && !stated.equalsIgnoreCase(key.publicKeyHex())) {
                throw new IOException(file + ": publicKey does not belong to the seed");
            }
            String id = o.optString("agentId", null);
            String server = o.optString("server", null);
            return new Identity(key, id, server == null ? null : URI.create(server));
        } catch (JSONException | IllegalArgumentException e) {
            throw new IOException(file + ": not a readable key file (" + e.getMessage() + ")", e);
        }
    }

    private static void write(Path file, Identity identity) throws IOException {
        JSONObject o = new JSONObject();
        o.put("v", 1);
        o.put("kty", "Ed25519");
        o.put("seed", HexFormat.of().formatHex(identity.key().seed()));
        o.put("publicKey", identity.key().publicKeyHex());
        if (identity.agentId() != null) {
            o.put("agentId", identity.agentId());
        }
        if (identity.server() != null) {
            o.put("server", identity.server().toString());
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir, ownerOnlyDirectory(dir));
        Path tmp = dir.resolve(file.getFileName() + "." + AgentSig.nonce() + ".tmp");
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        // created private, never readable by others even for a moment; forced to disk, then renamed over
        try (FileChannel ch = posix
                ? FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap((o.toString(2) + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static FileAttribute<?>[] ownerOnlyDirectory(Path dir) throws IOException {
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
        }
        return new FileAttribute<?>[0];
    }
}
