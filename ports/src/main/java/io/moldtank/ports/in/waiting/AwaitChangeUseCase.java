package io.moldtank.ports.in.waiting;

/**
 * Hold a read until what it shows leaves the states the caller waits through, or the time runs out
 * (issue 18: wait instead of poll). One call is one read for the caller, however long it waits.
 */
public interface AwaitChangeUseCase {
    <T> Awaited<T> await(AwaitChangeQuery<T> query);
}
