package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;

import java.util.Objects;

/**
 * One child's chronology: everything in their record, and in every record linked to it, in time
 * order. Answered with an optional {@link ChildChronology}: empty for a child the read model does
 * not know.
 */
public record FindChildChronology(ChildId childId) {

    public FindChildChronology {
        Objects.requireNonNull(childId, "childId");
    }
}
