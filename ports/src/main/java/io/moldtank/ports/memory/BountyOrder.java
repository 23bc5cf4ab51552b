package io.moldtank.ports.memory;

import io.moldtank.domain.bounty.BountySnapshot;
import io.moldtank.ports.out.storage.BountyQuery;
import java.util.Comparator;

/** The orders a bounty list can be sorted in; the id breaks ties so pages are stable. */
final class BountyOrder {
    private BountyOrder() {
    }

    static Comparator<BountySnapshot> of(BountyQuery.Sort sort) {
        Comparator<BountySnapshot> byId = Comparator.comparing(b -> b.id().value());
        return switch (sort) {
            case NEWEST -> Comparator.comparing(BountySnapshot::createdAt).reversed().thenComparing(byId.reversed());
            case REWARD_DESC -> Comparator.comparing((BountySnapshot b) -> b.terms().reward()).reversed()
                    .thenComparing(byId);
            case DEADLINE_ASC -> Comparator.comparing((BountySnapshot b) -> b.terms().deadline()).thenComparing(byId);
        };
    }
}
