package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;
import java.util.Objects;

/**
 * A child's record exactly as it stood at a past moment: built by folding the child's events up to
 * {@code asAt} (and those of the records linked to it, and of the family around it) through the same
 * projection code that builds the live read models. Answered with an optional {@link ChildAsAt}: empty
 * when the child had no event at or before that moment.
 */
public record FindChildAsAt(ChildId childId, Instant asAt) {

    public FindChildAsAt {
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(asAt, "asAt");
    }
}
