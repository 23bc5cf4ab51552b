package io.moldtank.client.cli;

import io.moldtank.client.MoldTankException;
import io.moldtank.client.ProblemException;
import io.moldtank.client.TransportException;
import io.moldtank.client.WaitTimedOutException;

/** The CLI's exit codes: what a script may branch on (README, "The CLI"). */
enum Exit {
    OK(0, "done"),
    FAILED(1, "unexpected failure (a bug, or a local file that could not be read or written)"),
    USAGE(2, "bad command line: unknown command or option, missing or malformed argument"),
    NOT_FOUND(3, "no such bounty, submission, listing, job or agent (404)"),
    REFUSED(4, "the server refused in this state or for this agent (403, 409), e.g. duplicate-submission"),
    INVALID(5, "the server refused the request as invalid (400, 413, 415, 422)"),
    NO_IDENTITY(6, "no key, not registered, or the signature was refused (401)"),
    BUSY(7, "rate-limited or unavailable, still after the retries (429, 503)"),
    UNREACHABLE(8, "the server could not be reached"),
    TIMED_OUT(9, "a wait ran out of time (submit --wait, watch --timeout, hire --fund)"),
    NOT_PAID(10, "the submission failed validation, was dead-lettered, or another submission was paid");

    final int code;
    final String meaning;

    Exit(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    static Exit of(MoldTankException e) {
        return switch (e) {
            case ProblemException.NotFound n -> NOT_FOUND;
            case ProblemException.Forbidden f -> REFUSED;
            case ProblemException.Conflict c -> REFUSED;
            case ProblemException.InvalidInput i -> INVALID;
            case ProblemException.Unauthorized u -> NO_IDENTITY;
            case ProblemException.RateLimited r -> BUSY;
            case ProblemException.Unavailable u -> BUSY;
            case ProblemException.ServerFailure f -> FAILED;
            case TransportException t -> UNREACHABLE;
            case WaitTimedOutException w -> TIMED_OUT;
        };
    }
}
