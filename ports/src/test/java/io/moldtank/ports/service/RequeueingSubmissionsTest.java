package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moldtank.domain.bounty.BountyStatus;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.QuorumPolicy;
import io.moldtank.ports.in.submission.SubmitSolutionCommand;
import io.moldtank.ports.out.queue.QueueClaim;
import io.moldtank.ports.out.queue.QueuedSubmission;
import io.moldtank.ports.out.queue.SubmissionQueue;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A crash between storing a submission and queueing it strands it; the sweep queues it again, once. */
class RequeueingSubmissionsTest {
    private final InMemorySystem sys = new InMemorySystem(1);

    @AfterEach
    void close() {
        sys.close();
    }

    /** The process "dies" after the submission's commit, before its enqueue. */
    private final SubmissionQueue dyingQueue = new SubmissionQueue() {
        @Override
        public boolean enqueue(QueuedSubmission item) {
            throw new IllegalStateException("killed between commit and enqueue");
        }

        @Override
        public Optional<QueueClaim> claim(String workerId, Duration lease) {
            return sys.queue.claim(workerId, lease);
        }

        @Override
        public Outcome ack(QueueClaim claim) {
            return sys.queue.ack(claim);
        }

        @Override
        public Outcome fail(QueueClaim claim, String reason, Duration retryAfter) {
            return sys.queue.fail(claim, reason, retryAfter);
        }

        @Override
        public long depth() {
            return sys.queue.depth();
        }

        @Override
        public java.util.List<io.moldtank.ports.out.queue.DeadLetter> deadLetters(int limit) {
            return sys.queue.deadLetters(limit);
        }
    };

    @Test
    void a_submission_stranded_by_a_crash_is_queued_again_validated_and_awarded() {
        var poster = sys.register(1, null);
        var solver = sys.register(2, null);
        var bounty = sys.openBounty(poster, 1, Usdc.parse("5"), QuorumPolicy.ONE_OF_ONE);
        var crashing = new SubmittingSolution(Storage.of(sys.storage), dyingQueue, sys.clock,
                () -> new UUID(0xDEAD, 1));
        assertThatThrownBy(() -> crashing.submit(new SubmitSolutionCommand(bounty, solver, sys.content("good"))))
                .hasMessageContaining("killed");
        assertThat(sys.core.validating().validateNext("w1")).as("nothing queued").isEmpty();

        var sweep = new RequeueingSubmissions(sys.storage, sys.queue, sys.clock);
        assertThat(sweep.requeueStranded(Duration.ofSeconds(30), 10)).as("within its grace").isZero();
        sys.clock.advance(Duration.ofSeconds(31));
        assertThat(sweep.requeueStranded(Duration.ofSeconds(30), 10)).isEqualTo(1);
        assertThat(sweep.requeueStranded(Duration.ofSeconds(30), 10)).as("already queued").isZero();

        assertThat(sys.core.validating().validateNext("w1").orElseThrow().awarded()).isTrue();
        assertThat(sys.core.browsing().bounty(bounty).orThrow().status()).isEqualTo(BountyStatus.AWARDED);
        assertThat(sweep.requeueStranded(Duration.ofSeconds(30), 10)).as("decided").isZero();
    }
}
