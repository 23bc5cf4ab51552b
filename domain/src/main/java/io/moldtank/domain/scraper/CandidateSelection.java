package io.moldtank.domain.scraper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Picks a run's drafts: posts that read as a wish (not deleted, not pinned), scored, a near-duplicate
 * of an earlier draft dropped, a near-duplicate within the run kept once (its best-scored copy), the
 * best {@code top} kept. A post that already has a draft (a run killed half-way and run again) still
 * counts towards {@code top}, so a rerun picks the same posts, not the next ones down.
 */
public final class CandidateSelection {

    /** What earlier runs drafted: post ids, and fingerprints to recognise reposts. */
    public record Known(Set<String> postIds, List<Fingerprint> fingerprints) {
        public static final Known NOTHING = new Known(Set.of(), List.of());

        public Known {
            postIds = Set.copyOf(postIds);
            fingerprints = List.copyOf(fingerprints);
        }

        boolean drafted(SourcePost p) {
            return postIds.contains(p.id());
        }

        boolean repostOfDraft(Fingerprint f) {
            return fingerprints.stream().anyMatch(f::near);
        }
    }

    private CandidateSelection() {
    }

    /** The chosen candidates, best first; those already drafted are in it and the caller skips them. */
    public static List<Candidate> select(List<SourcePost> posts, WishPatterns patterns, Known known, Instant now,
                                         int top) {
        if (top < 1) {
            throw new IllegalArgumentException("top must be at least 1");
        }
        List<Candidate> wishes = new ArrayList<>();
        for (SourcePost p : posts) {
            if (p.deleted() || p.pinned() || !patterns.matches(p)) {
                continue;
            }
            Fingerprint f = Fingerprint.of(p);
            if (!known.drafted(p) && known.repostOfDraft(f)) {
                continue;
            }
            wishes.add(new Candidate(p, EngagementScore.of(p, now), f));
        }
        // best first; ties by id so every node and every rerun picks the same posts
        wishes.sort(Comparator.comparingDouble(Candidate::score).reversed()
                .thenComparing(c -> c.post().id()));
        List<Candidate> chosen = new ArrayList<>();
        for (Candidate c : wishes) {
            if (chosen.size() == top) {
                break;
            }
            if (chosen.stream().noneMatch(o -> o.fingerprint().near(c.fingerprint()))) {
                chosen.add(c);
            }
        }
        return chosen;
    }
}
