package uk.frontdoor.matching;

import java.util.Objects;

/**
 * A known child that might be the incoming one.
 *
 * @param childId the caller's id for the child's record (opaque here)
 * @param facts   everything the child has been recorded as, merged: see {@link IdentityFacts}
 */
public record Candidate(String childId, IdentityFacts facts) {

    public Candidate {
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(facts, "facts");
    }
}
