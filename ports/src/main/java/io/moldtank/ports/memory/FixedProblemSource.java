package io.moldtank.ports.memory;

import io.moldtank.domain.scraper.SourcePost;
import io.moldtank.ports.out.source.ProblemSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A problem source over a list of posts a test or an embedder adds to; reads obey the mark and window. */
public final class FixedProblemSource implements ProblemSource {
    private final List<SourcePost> posts = new CopyOnWriteArrayList<>();

    public void add(SourcePost post) {
        posts.add(post);
    }

    @Override
    public Fetch fetchSince(Instant since, Instant now, Limits limits) {
        Instant from = since != null ? since : now.minus(limits.firstWindow());
        List<SourcePost> read = new ArrayList<>(posts.stream().filter(p -> p.createdAt().isAfter(from))
                .sorted(Comparator.comparing(SourcePost::createdAt).reversed()).toList());
        Instant mark = read.isEmpty() ? null : read.get(0).createdAt();
        return new Fetch(read, mark, true, 1, 0, 0, List.of());
    }

    @Override
    public String linkTo(SourcePost post) {
        return "https://www.moltbook.com/post/" + post.id();
    }
}
