package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;

import java.util.Objects;

/**
 * The family around one child: the other children named or living with them across every contact,
 * each with their open contacts and highest open level. Answered with an optional {@link Family}:
 * empty for a child the read model does not know.
 */
public record FindFamily(ChildId childId) {

    public FindFamily {
        Objects.requireNonNull(childId, "childId");
    }
}
