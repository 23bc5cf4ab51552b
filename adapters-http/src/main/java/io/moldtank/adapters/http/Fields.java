package io.moldtank.adapters.http;

import io.moldtank.domain.money.MoneyException;
import io.moldtank.domain.money.Usdc;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every field error of one request so the client sees them all at once, then throws a single
 * 400. Domain constructors still guard their own rules; their messages are reported under the field.
 */
final class Fields {
    private final List<ApiProblem.FieldError> errors = new ArrayList<>();

    String required(String field, String value) {
        if (value == null) {
            errors.add(new ApiProblem.FieldError(field, "required"));
        }
        return value;
    }

    <T> T present(String field, T value) {
        if (value == null) {
            errors.add(new ApiProblem.FieldError(field, "required"));
        }
        return value;
    }

    Usdc usdc(String field, String value) {
        if (required(field, value) == null) {
            return null;
        }
        try {
            return Usdc.parse(value);
        } catch (MoneyException e) {
            errors.add(new ApiProblem.FieldError(field, "a decimal USDC amount like \"12.5\" (max 6 decimals): "
                    + e.getMessage()));
            return null;
        }
    }

    Instant instant(String field, String value) {
        if (required(field, value) == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new ApiProblem.FieldError(field, "an ISO-8601 instant like 2026-12-01T12:00:00Z"));
            return null;
        }
    }

    /** Builds a domain value, reporting its refusal under {@code field}; null when it refused. */
    <T> T build(String field, Supplier<T> make) {
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new ApiProblem.FieldError(field, String.valueOf(e.getMessage())));
            return null;
        }
    }

    void add(String field, String message) {
        errors.add(new ApiProblem.FieldError(field, message));
    }

    void check() {
        check(ApiProblem::invalid);
    }

    /** Throws the problem {@code as} makes of the errors, if any. */
    void check(java.util.function.Function<List<ApiProblem.FieldError>, ApiProblem> as) {
        if (!errors.isEmpty()) {
            throw as.apply(errors);
        }
    }
}
