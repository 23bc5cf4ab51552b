package io.moldtank.ports.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.bounty.Acceptance;
import io.moldtank.domain.bounty.BountyId;
import io.moldtank.domain.bounty.BountyTerms;
import io.moldtank.domain.bounty.SubmissionContent;
import io.moldtank.domain.bounty.SubmissionId;
import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A second opinion runs after the panel's other validators and sees their votes; votes stay in panel order. */
class SecondOpinionTest {

    private final Clock clock = Clock.systemUTC();
    private final List<List<Vote>> seen = new CopyOnWriteArrayList<>();

    private Validator validator(String name, boolean second) {
        return new Validator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean wantsEvidence() {
                return second;
            }

            @Override
            public Vote validate(ValidationRequest request) {
                if (second) {
                    seen.add(request.evidence());
                }
                return Vote.of(name, second && request.evidence().isEmpty() ? Vote.Kind.ERROR : Vote.Kind.PASS,
                        name + " saw " + request.evidence().size(), clock.instant());
            }
        };
    }

    @Test
    void theSecondOpinionSeesTheFirstPhasesVotesAndTheOrderIsThePanels() {
        try (var panel = new ValidatorPanel(List.of(validator("judge", true), validator("test-runner", false),
                validator("other", false)), Duration.ofSeconds(5), clock)) {
            var terms = new BountyTerms("Second opinions", "Judge after the runner.", Usdc.ofWhole(1), clock.instant().plus(Duration.ofDays(1)), Set.of(),
                    new Acceptance.Rubric("Is it right?"), null);
            var votes = panel.round(new ValidationRequest(new BountyId(UUID.randomUUID()), terms,
                    new SubmissionId(UUID.randomUUID()), 1, new SubmissionContent(Map.of("a.txt", "x"))), 3);

            assertThat(votes).extracting(Vote::validator).containsExactly("judge", "test-runner", "other");
            assertThat(votes.getFirst().summary()).isEqualTo("judge saw 2");
            assertThat(seen).singleElement().satisfies(e -> assertThat(e).extracting(Vote::validator)
                    .containsExactly("test-runner", "other"));
        }
    }
}
