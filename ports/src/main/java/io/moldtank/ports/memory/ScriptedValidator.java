package io.moldtank.ports.memory;

import io.moldtank.domain.validation.Vote;
import io.moldtank.ports.out.validation.ValidationRequest;
import io.moldtank.ports.out.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** A validator whose vote is decided by a function of the request — the test double for judges. */
public final class ScriptedValidator implements Validator {
    private final String name;
    private final Function<ValidationRequest, Vote.Kind> script;
    private final Clock clock;

    public ScriptedValidator(String name, Function<ValidationRequest, Vote.Kind> script, Clock clock) {
        this.name = name;
        this.script = script;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Vote validate(ValidationRequest request) {
        Vote.Kind kind = script.apply(request);
        return new Vote(name, kind, "scripted " + kind, Map.of("attempt", String.valueOf(request.attempt())),
                Duration.ZERO, clock.instant());
    }
}
