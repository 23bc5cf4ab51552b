package io.moldtank.adapters.http;

import io.helidon.webserver.http.ServerRequest;
import io.moldtank.domain.bounty.SubmissionStatus;
import io.moldtank.domain.job.JobStatus;
import io.moldtank.domain.payout.PayoutStatus;
import io.moldtank.ports.in.waiting.AwaitChangeQuery;
import io.moldtank.ports.in.waiting.AwaitChangeUseCase;
import io.moldtank.ports.in.waiting.Awaited;
import io.moldtank.ports.in.waiting.WakeUp;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ?wait=<seconds 0..60>[&while=<STATUS,…>]} on a GET of a submission, a job or a payout: the answer is
 * held until the status leaves the ones named in {@code while} (default: the status when the request
 * arrived), the status can never change again, or the seconds pass. The request spent one token at the
 * edge, however long it is held. Without {@code wait} it is a plain read.
 */
final class Waits {
    static final int MAX_SECONDS = 60;
    /** The state of a payout that does not exist yet (before the award). */
    static final String NONE = "NONE";
    private static final Pattern SECONDS = Pattern.compile("\\d{1,2}");

    /** A waitable resource: its statuses, those that never change, and what wakes its waiters. */
    record Resource<T>(String name, Set<String> states, Set<String> settled, Function<T, String> stateOf) {
    }

    static final Resource<io.moldtank.domain.bounty.SubmissionSnapshot> SUBMISSION = new Resource<>("submission",
            names(SubmissionStatus.values()), Set.of(SubmissionStatus.PASSED.name(), SubmissionStatus.FAILED.name()),
            s -> s.status().name());
    static final Resource<io.moldtank.ports.in.job.JobView> JOB = new Resource<>("job", names(JobStatus.values()),
            Set.of(JobStatus.COMPLETED.name(), JobStatus.FAILED.name(), JobStatus.CANCELLED.name()),
            j -> j.status().name());
    static final Resource<io.moldtank.domain.payout.Payout> PAYOUT = new Resource<>("payout",
            with(NONE, names(PayoutStatus.values())), Set.of(PayoutStatus.CONFIRMED.name()),
            p -> p == null ? NONE : p.status().name());

    private final AwaitChangeUseCase waiting;

    Waits(AwaitChangeUseCase waiting) {
        this.waiting = waiting;
    }

    /**
     * The value to answer {@code req} with: {@code read} once, or held as the query asks. {@code wakeUp}
     * is chosen from the first read (a submission's bounty is known only once it is read).
     */
    <T> T hold(ServerRequest req, Resource<T> resource, Supplier<T> read, Function<T, WakeUp> wakeUp) {
        Duration wait = waitOf(req);
        Set<String> through = whileOf(req, resource);
        if (wait == null) {
            return read.get();
        }
        T first = read.get();
        Awaited<T> answer = waiting.await(new AwaitChangeQuery<>(wakeUp.apply(first), wait, read, resource.stateOf(),
                through, resource.settled()));
        if (answer.ending() == Awaited.Ending.BUSY) {
            throw ApiProblem.waitersBusy();
        }
        return answer.value();
    }

    private static Duration waitOf(ServerRequest req) {
        List<String> all = req.query().all("wait", List::of);
        if (all.isEmpty()) {
            return null;
        }
        String text = all.getFirst();
        if (all.size() > 1 || !SECONDS.matcher(text).matches() || Integer.parseInt(text) > MAX_SECONDS) {
            throw ApiProblem.invalid("wait", "once, whole seconds 0.." + MAX_SECONDS);
        }
        return Duration.ofSeconds(Integer.parseInt(text));
    }

    private static Set<String> whileOf(ServerRequest req, Resource<?> resource) {
        List<String> all = req.query().all("while", List::of);
        if (all.isEmpty()) {
            return Set.of();
        }
        Set<String> named = all.size() > 1 ? null : Arrays.stream(all.getFirst().split(",", -1))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (named == null || named.isEmpty() || named.size() > resource.states().size()
                || !resource.states().containsAll(named)) {
            throw ApiProblem.invalid("while", "once, a comma-separated list of " + resource.name() + " statuses: "
                    + String.join(", ", resource.states()));
        }
        return named;
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> with(String first, Set<String> rest) {
        Set<String> all = new LinkedHashSet<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
