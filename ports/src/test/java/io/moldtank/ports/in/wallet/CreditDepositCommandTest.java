package io.moldtank.ports.in.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.agent.AgentId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreditDepositCommandTest {
    @Test
    void a_transaction_hash_is_kept_in_lower_case_so_one_transfer_has_one_spelling() {
        var command = new CreditDepositCommand(new AgentId(new UUID(0, 1)), "0xABcd" + "0".repeat(60));
        assertThat(command.txHash()).isEqualTo("0xabcd" + "0".repeat(60));
    }
}
