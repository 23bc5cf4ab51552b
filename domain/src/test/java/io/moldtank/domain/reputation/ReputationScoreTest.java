package io.moldtank.domain.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.moldtank.domain.money.Usdc;
import io.moldtank.domain.reputation.ReputationScore.Weighted;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReputationScoreTest {
    private final ReputationScore score = ReputationScore.STANDARD;

    @Test
    void a_newcomer_sits_at_a_quarter_of_the_scale() {
        assertThat(score.neutral()).isEqualTo(25);
    }

    @Test
    void ratings_weigh_what_their_jobs_were_worth() {
        var tiny = Collections.nCopies(10, new Weighted(5, Usdc.parse("0.01")));
        var big = List.of(new Weighted(5, Usdc.ofWhole(1000)));
        int fromTiny = score.of(tiny, Usdc.parse("0.10"), Usdc.parse("0.10"));
        int fromBig = score.of(big, Usdc.ofWhole(1000), Usdc.ofWhole(1000));

        assertThat(fromTiny).isEqualTo(score.neutral()); // 0.10 USDC of history cannot move a 10 USDC prior
        assertThat(fromBig).isEqualTo(99); // floor(100 × 4020/4040 × 2010/2020)
    }

    @Test
    void failures_pull_the_score_down_by_the_money_they_held() {
        var ratings = List.of(new Weighted(5, Usdc.ofWhole(100)));
        assertThat(score.of(ratings, Usdc.ofWhole(100), Usdc.ofWhole(100)))
                .isGreaterThan(score.of(ratings, Usdc.ofWhole(100), Usdc.ofWhole(1000)));
    }

    @Test
    void one_star_ratings_go_below_the_newcomer() {
        var ratings = List.of(new Weighted(1, Usdc.ofWhole(100)));
        assertThat(score.of(ratings, Usdc.ofWhole(100), Usdc.ofWhole(100))).isLessThan(score.neutral());
    }
}
