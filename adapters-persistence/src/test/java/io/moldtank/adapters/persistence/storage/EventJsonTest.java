package io.moldtank.adapters.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.agent.Agent;
import io.moldtank.domain.agent.AgentId;
import io.moldtank.domain.agent.WalletAddress;
import io.moldtank.domain.bounty.BountyEvent;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.Comment;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.payout.PayoutEvent;
import io.moldtank.domain.payout.PayoutId;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.domain.shared.DomainEvent;
import io.moldtank.domain.validation.Vote;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event the log stores reads back equal to what was written; a row that does not fit is a typed error. */
class EventJsonTest {
    private static final BountyId BOUNTY = new BountyId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    private static final SubmissionId SUBMISSION = new SubmissionId(UUID.fromString("00000000-0000-0000-0000-0000000000c1"));
    private static final AgentId AGENT = new AgentId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final Instant AT = Instant.parse("2026-11-24T12:00:00.123456Z");

    static List<DomainEvent> everyEvent() {
        return List.of(
                new BountyEvent.Drafted(BOUNTY, AGENT, Usdc.parse("250.000001"), AT.plusSeconds(3600), AT),
                new BountyEvent.DepositRequested(BOUNTY, Usdc.parse("0.000001"), AT),
                new BountyEvent.Opened(BOUNTY, Usdc.parse("250"), "0xdeposit", AT),
                new BountyEvent.Opened(BOUNTY, Usdc.parse("250"), null, AT),
                new BountyEvent.SubmissionReceived(BOUNTY, SUBMISSION, AGENT, Long.MAX_VALUE, AT),
                new BountyEvent.VerdictRecorded(BOUNTY, SUBMISSION, 7, true, AT),
                new BountyEvent.Awarded(BOUNTY, SUBMISSION, AGENT, Usdc.parse("92233720368.547758"), AT),
                new BountyEvent.Paid(BOUNTY, SUBMISSION, "0x" + "ab".repeat(32), AT),
                new BountyEvent.Cancelled(BOUNTY, Usdc.ZERO, AT),
                new BountyEvent.Expired(BOUNTY, AT),
                new BountyEvent.Refunded(BOUNTY, Usdc.parse("1.5"), AT),
                new BountyEvent.CommentPosted(BOUNTY, new Comment(UUID.fromString("00000000-0000-0000-0000-0000000000d1"),
                        BOUNTY, AGENT, "naïve \"quotes\", \u0000 and 🦀", AT), AT),
                new BountyEvent.ValidationStarted(BOUNTY, SUBMISSION, Integer.MAX_VALUE, AT),
                new BountyEvent.VoteCast(BOUNTY, SUBMISSION, 2, new Vote("pytest", Vote.Kind.FAIL, "2 of 9 failed",
                        Map.of("failed", "test_a, test_b", "exit", "1"), Duration.ofMillis(1234), AT), AT),
                new BountyEvent.RetryScheduled(BOUNTY, SUBMISSION, 1, "validator timed out", AT),
                new BountyEvent.DeadLettered(BOUNTY, SUBMISSION, 3, "gave up", AT),
                new BountyEvent.ManuallyResolved(BOUNTY, SUBMISSION, false, "ops@moldtank", "", AT),
                new PayoutEvent(new PayoutId(UUID.fromString("00000000-0000-0000-0000-0000000000e1")), BOUNTY,
                        PayoutStatus.SENT, 2, "0xrelease", null, AT),
                new Agent.Registered(AGENT, new WalletAddress("0x" + "cd".repeat(20)), AT),
                new Agent.Deactivated(AGENT, AT), new Agent.Reactivated(AGENT, AT),
                new io.moldtank.domain.job.JobCheckQueued(new io.moldtank.domain.job.JobId(
                        UUID.fromString("00000000-0000-0000-0000-0000000000f1")), AGENT, Usdc.parse("0.05"), AT));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void an_event_reads_back_equal_from_its_type_and_payload(DomainEvent event) {
        assertThat(EventJsonReader.decode(EventJson.type(event), EventJson.payload(event))).isEqualTo(event);
    }

    @Test
    void the_samples_cover_every_bounty_event_type() {
        var covered = everyEvent().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(covered).containsAll(List.of(BountyEvent.class.getPermittedSubclasses())).contains(PayoutEvent.class);
    }

    @Test
    void an_unknown_type_is_a_typed_error() {
        assertThatThrownBy(() -> EventJsonReader.decode("bounty.renamed", "{}"))
                .isInstanceOf(UnreadableEvent.class).hasMessageContaining("unknown type")
                .extracting(e -> ((UnreadableEvent) e).type()).isEqualTo("bounty.renamed");
    }

    static Stream<String> malformedExpiredPayloads() {
        return Stream.of(
                "not json",
                "[]",
                "{\"bountyId\": \"" + BOUNTY.value() + "\"}", // no occurredAt: Expired would hold a null time
                "{\"bountyId\": 12, \"occurredAt\": \"" + AT + "\"}",
                "{\"bountyId\": \"not-a-uuid\", \"occurredAt\": \"" + AT + "\"}",
                "{\"bountyId\": \"" + BOUNTY.value() + "\", \"occurredAt\": \"yesterday\"}");
    }

    @ParameterizedTest
    @MethodSource("malformedExpiredPayloads")
    void a_payload_that_does_not_fit_its_record_is_a_typed_error(String payload) {
        assertThatThrownBy(() -> EventJsonReader.decode("bounty.expired", payload)).isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void numbers_out_of_range_missing_primitives_and_refused_values_are_typed_errors() {
        String sub = "\"bountyId\": \"" + BOUNTY.value() + "\", \"submissionId\": \"" + SUBMISSION.value()
                + "\", \"occurredAt\": \"" + AT + "\"";
        assertThatThrownBy(() -> EventJsonReader.decode("bounty.validation-started", "{" + sub + ", \"attempt\": 4294967296}"))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> EventJsonReader.decode("bounty.validation-started", "{" + sub + "}"))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> EventJsonReader.decode("bounty.validation-started", "{" + sub + ", \"attempt\": 1.5}"))
                .isInstanceOf(UnreadableEvent.class);
        assertThatThrownBy(() -> EventJsonReader.decode("bounty.refunded", "{\"bountyId\": \"" + BOUNTY.value()
                + "\", \"amount\": 1.5, \"occurredAt\": \"" + AT + "\"}")).isInstanceOf(UnreadableEvent.class);
    }
}
