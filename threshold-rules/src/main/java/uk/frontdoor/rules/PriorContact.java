package uk.frontdoor.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/** An earlier contact about the same child, as the history-aware rules need it. */
public record PriorContact(Instant receivedAt, Set<String> factors, Set<String> indicators, boolean becameReferral) {

    public PriorContact {
        Objects.requireNonNull(receivedAt, "receivedAt is required");
        factors = factors == null ? Set.of() : Set.copyOf(factors);
        indicators = indicators == null ? Set.of() : Set.copyOf(indicators);
    }
}
