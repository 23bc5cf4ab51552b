package io.moldtank.adapters.sandbox;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.ports.out.validation.ValidationRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Intention-revealing validation requests: a pytest bounty with an "add" function to write. */
final class Requests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    static final Map<String, String> PYTEST_SUITE = Map.of("test_add.py", """
            from solution import add

            def test_adds_small_numbers():
                assert add(2, 3) == 5

            def test_adds_negatives():
                assert add(-2, -3) == -5
            """);

    static final Map<String, String> CORRECT = Map.of("solution.py", "def add(a, b):\n    return a + b\n");
    static final Map<String, String> WRONG = Map.of("solution.py", "def add(a, b):\n    return a - b\n");

    private Requests() {
    }

    static ValidationRequest pytest(Map<String, String> submission) {
        return request(new Acceptance.TestSuite(PYTEST_SUITE, "python3 -m pytest -q -p no:cacheprovider", Duration.ofSeconds(60)),
                submission);
    }

    static ValidationRequest request(Acceptance acceptance, Map<String, String> submission) {
        var terms = new BountyTerms("Write add(a, b)", "Add two integers.", Usdc.ofWhole(5),
                CLOCK.instant().plus(Duration.ofDays(7)), Set.of("python"), acceptance, null);
        return new ValidationRequest(new BountyId(UUID.randomUUID()), terms, new SubmissionId(UUID.randomUUID()), 1,
                new SubmissionContent(submission));
    }
}
