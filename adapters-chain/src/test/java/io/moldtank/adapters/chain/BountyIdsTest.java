package io.moldtank.adapters.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.BountyId;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BountyIdsTest {

    @Property
    void a_bounty_id_survives_the_trip_through_bytes32(@ForAll long high, @ForAll long low) {
        BountyId id = new BountyId(new UUID(high, low));
        byte[] word = BountyIds.toBytes32(id);
        assertThat(word).hasSize(32).startsWith(new byte[16]);
        assertThat(BountyIds.fromBytes32(word)).isEqualTo(id);
    }

    @Test
    void a_word_with_high_bytes_set_is_not_a_bounty_id() {
        byte[] word = new byte[32];
        word[0] = 1;
        assertThat(BountyIds.fromBytes32(word)).isNull();
    }

    @Test
    void the_topic_is_the_uuid_hex_left_padded_to_32_bytes() {
        BountyId id = BountyId.parse("0123abcd-0000-4000-8000-00000000beef");
        assertThat(BountyIds.toTopic(id)).isEqualTo("0x" + "0".repeat(32) + "0123abcd000040008000" + "00000000beef");
    }
}
