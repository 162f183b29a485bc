package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;
import java.util.Objects;

/**
 * The family around one child: the other children named or living with them across every contact,
 * each with their open contacts and highest open level. Answered with an optional {@link Family}:
 * empty for a child the read model does not know.
 *
 * @param asOf the moment the household window ends at; null is now. Only the as-at view sets it.
 */
public record FindFamily(ChildId childId, Instant asOf) {

    public FindFamily {
        Objects.requireNonNull(childId, "childId");
    }

    public FindFamily(ChildId childId) {
        this(childId, null);
    }
}
