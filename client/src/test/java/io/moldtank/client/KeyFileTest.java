package io.moldtank.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @Test
    void a_key_file_is_private_from_the_start_and_keeps_the_agent_and_its_server(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("home/.moldtank/agent.json");
        AgentKey key = AgentKey.generate();
        KeyFile.create(file, new Identity(key, null, null));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        KeyFile.save(file, KeyFile.load(file).registeredAs("0b0e0000-0000-0000-0000-000000000001",
                URI.create("http://127.0.0.1:8080")));
        Identity loaded = KeyFile.load(file);
        assertThat(loaded.key().publicKeyHex()).isEqualTo(key.publicKeyHex());
        assertThat(loaded.agentId()).isEqualTo("0b0e0000-0000-0000-0000-000000000001");
        assertThat(loaded.server()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temp file left behind
        assertThatThrownBy(() -> KeyFile.create(file, new Identity(AgentKey.generate(), null, null)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(KeyFile.load(file).key().publicKeyHex()).as("never replaced").isEqualTo(key.publicKeyHex());
    }

    @Test
    void a_key_file_others_may_read_or_that_lies_about_its_key_is_refused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("agent.json");
        KeyFile.create(file, new Identity(AgentKey.generate(), null, null));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.load(file)).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String text = Files.readString(file);
        Files.writeString(file, text.replaceAll("\"publicKey\": \"[0-9a-f]{64}\"", "\"publicKey\": \"" + "ab".repeat(32)
                + "\""));
        assertThatThrownBy(() -> KeyFile.load(file)).hasMessageContaining("does not belong");
        Files.writeString(file, "{\"v\":1,\"seed\":\"zz\"}");
        assertThatThrownBy(() -> KeyFile.load(file)).isInstanceOf(IOException.class);
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> KeyFile.load(file)).isInstanceOf(IOException.class);
    }

    @Test
    void the_default_place_is_moldtank_home_else_the_users_home() {
        assertThat(KeyFile.defaultPath(Map.of("MOLDTANK_HOME", "/srv/agent"))).isEqualTo(Path.of("/srv/agent/agent.json"));
        assertThat(KeyFile.defaultPath(Map.of())).endsWithRaw(Path.of(".moldtank", "agent.json"));
    }
}
