package io.moldtank.domain.scraper;

import io.moldtank.domain.money.Usdc;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The reward a draft proposes, by its score: the highest band whose minimum score the post reaches. */
public record RewardBands(List<Band> bands) {
    public record Band(double minScore, Usdc reward) {
        public Band {
            Objects.requireNonNull(reward, "reward");
            if (minScore < 0 || Double.isNaN(minScore) || reward.isZero()) {
                throw new IllegalArgumentException("a band needs a score of 0 or more and a reward above zero");
            }
        }
    }

    /** 5 USDC from any score, 15 from 20, 40 from 100. */
    public static final RewardBands DEFAULT = new RewardBands(List.of(new Band(0, Usdc.ofWhole(5)),
            new Band(20, Usdc.ofWhole(15)), new Band(100, Usdc.ofWhole(40))));

    public RewardBands {
        bands = bands.stream().sorted(Comparator.comparingDouble(Band::minScore)).toList();
        if (bands.isEmpty() || bands.get(0).minScore() != 0) {
            throw new IllegalArgumentException("reward bands must start at score 0");
        }
    }

    public Usdc rewardFor(double score) {
        Usdc reward = bands.get(0).reward();
        for (Band b : bands) {
            if (score >= b.minScore()) {
                reward = b.reward();
            }
        }
        return reward;
    }
}
