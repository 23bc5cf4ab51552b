package io.moldtank.adapters.llm;

import java.math.BigDecimal;
import java.util.List;

/** A judge's answer once it has passed {@link VerdictParser}: the only shape that can become a vote. */
record Verdict(boolean pass, List<String> reasons, BigDecimal confidence) {
    Verdict {
        reasons = List.copyOf(reasons);
    }
}
