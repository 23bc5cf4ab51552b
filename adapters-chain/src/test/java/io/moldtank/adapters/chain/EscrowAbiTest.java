package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The hand-written encodings agree with the compiled contracts' ABI in contracts/build (no node needed). */
class EscrowAbiTest {

    static String signature(String contract, String type, String name) throws Exception {
        JsonNode abi = new ObjectMapper().readTree(Anvil.CONTRACTS.resolve("build/" + contract + ".json").toFile()).get("abi");
        for (JsonNode entry : abi) {
            if (type.equals(entry.get("type").asText()) && name.equals(entry.path("name").asText())) {
                List<String> types = new ArrayList<>();
                entry.get("inputs").forEach(i -> types.add(i.get("type").asText()));
                return name + "(" + String.join(",", types) + ")";
            }
        }
        throw new AssertionError(type + " " + name + " not in the " + contract + " ABI");
    }

    static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    @Test
    void function_selectors_match_the_compiled_escrow_and_token() throws Exception {
        byte[] id = new byte[32];
        String addr = "0x" + "11".repeat(20);
        assertThat(EscrowAbi.deposit(id, BigInteger.ONE, 1)).startsWith(selector(signature("MoldTankEscrow", "function", "deposit")));
        assertThat(EscrowAbi.release(id, addr, BigInteger.ONE)).startsWith(selector(signature("MoldTankEscrow", "function", "release")));
        assertThat(EscrowAbi.refund(id)).startsWith(selector(signature("MoldTankEscrow", "function", "refund")));
        assertThat(EscrowAbi.approve(addr, BigInteger.ONE)).startsWith(selector(signature("TestUSDC", "function", "approve")));
        assertThat(EscrowAbi.balanceOf(addr)).startsWith(selector(signature("TestUSDC", "function", "balanceOf")));
        assertThat(EscrowAbi.transfer(addr, BigInteger.ONE)).startsWith(selector(signature("TestUSDC", "function", "transfer")));
    }

    @Test
    void event_topics_match_the_compiled_escrow() throws Exception {
        assertThat(EscrowAbi.DEPOSITED_TOPIC).isEqualTo(Hash.sha3String(signature("MoldTankEscrow", "event", "Deposited")));
        assertThat(EscrowAbi.RELEASED_TOPIC).isEqualTo(Hash.sha3String(signature("MoldTankEscrow", "event", "Released")));
        assertThat(EscrowAbi.REFUNDED_TOPIC).isEqualTo(Hash.sha3String(signature("MoldTankEscrow", "event", "Refunded")));
        assertThat(EscrowAbi.EMERGENCY_WITHDRAWN_TOPIC)
                .isEqualTo(Hash.sha3String(signature("MoldTankEscrow", "event", "EmergencyWithdrawn")));
        assertThat(EscrowAbi.TRANSFER_TOPIC).isEqualTo(Hash.sha3String(signature("TestUSDC", "event", "Transfer")));
    }

    @Test
    void every_custom_error_of_the_escrow_has_a_name_for_its_selector() throws Exception {
        JsonNode abi = new ObjectMapper().readTree(Anvil.CONTRACTS.resolve("build/MoldTankEscrow.json").toFile()).get("abi");
        int errors = 0;
        for (JsonNode entry : abi) {
            if ("error".equals(entry.get("type").asText())) {
                String name = entry.get("name").asText();
                assertThat(RevertReasons.name(selector(signature("MoldTankEscrow", "error", name)) + "00".repeat(32)))
                        .isEqualTo(name);
                errors++;
            }
        }
        assertThat(errors).isGreaterThan(10);
        assertThat(RevertReasons.name("0xdeadbeef")).startsWith("unknown revert");
    }
}
