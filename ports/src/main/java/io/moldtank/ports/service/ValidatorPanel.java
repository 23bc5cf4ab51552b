package io.moldtank.ports.service;

import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The configured validators, run in parallel for one round. An empty panel is allowed (nothing is
 * configured yet): bounties then cannot be posted, since no quorum can be met. A validator that throws votes ERROR, one
 * that overruns its time votes TIMEOUT: neither can ever become a pass.
 */
public final class ValidatorPanel implements AutoCloseable {
    private final List<Validator> validators;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    public ValidatorPanel(List<Validator> validators, Duration timeout, Clock clock) {
        this.validators = List.copyOf(validators);
        this.timeout = timeout;
        this.clock = clock;
    }

    public int size() {
        return validators.size();
    }

    /**
     * Runs the first {@code n} validators on the request and returns their votes in panel order. Second
     * opinions ({@link Validator#wantsEvidence()}) run after the others, in parallel again, with their
     * votes as evidence, each phase within the validator timeout.
     */
    public List<Vote> round(ValidationRequest request, int n) {
        List<Validator> chosen = validators.subList(0, Math.min(n, validators.size()));
        Vote[] votes = new Vote[chosen.size()];
        List<Vote> first = phase(chosen, false, request, votes);
        if (chosen.stream().anyMatch(Validator::wantsEvidence)) {
            phase(chosen, true, request.withEvidence(first), votes);
        }
        return List.of(votes);
    }

    private List<Vote> phase(List<Validator> chosen, boolean second, ValidationRequest request, Vote[] votes) {
        List<Integer> at = new ArrayList<>();
        List<Future<Vote>> running = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Validator v = chosen.get(i);
            if (v.wantsEvidence() == second) {
                at.add(i);
                running.add(pool.submit(() -> v.validate(request)));
            }
        }
        Instant deadline = clock.instant().plus(timeout);
        List<Vote> done = new ArrayList<>();
        for (int k = 0; k < at.size(); k++) {
            int i = at.get(k);
            votes[i] = await(chosen.get(i).name(), running.get(k), deadline);
            done.add(votes[i]);
        }
        return done;
    }

    private Vote await(String name, Future<Vote> f, Instant deadline) {
        long waitMs = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
        try {
            Vote v = f.get(waitMs, TimeUnit.MILLISECONDS);
            if (v == null || !v.validator().equals(name)) {
                return problem(name, Vote.Kind.ERROR, "validator returned no vote of its own");
            }
            return v;
        } catch (TimeoutException e) {
            f.cancel(true);
            return problem(name, Vote.Kind.TIMEOUT, "no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return problem(name, Vote.Kind.ERROR, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return problem(name, Vote.Kind.ERROR, "interrupted");
        }
    }

    private Vote problem(String name, Vote.Kind kind, String why) {
        return new Vote(name, kind, why, Map.of(), Duration.ZERO, clock.instant());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
