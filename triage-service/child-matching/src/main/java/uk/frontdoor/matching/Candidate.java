package uk.frontdoor.matching;

import java.util.Objects;

/**
 * A known child that might be the incoming one: a value, equal to another with the same id and facts.
 * <p>
 * Its facts are normalised for comparing ({@link Prepared}) once, when it is made, not each time it is scored: a
 * candidate found for several contacts of a batch, or held between batches by the caller, is scored against each of
 * them without being prepared again. (A record until then; a record cannot keep what is derived from its components.)
 */
public final class Candidate {

    private final String childId;
    private final IdentityFacts facts;
    private final Prepared prepared;

    /**
     * @param childId the caller's id for the child's record (opaque here)
     * @param facts   everything the child has been recorded as, merged: see {@link IdentityFacts}
     */
    public Candidate(String childId, IdentityFacts facts) {
        this.childId = Objects.requireNonNull(childId, "childId");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.prepared = Prepared.of(facts);
    }

    /** The caller's id for the child's record. */
    public String childId() {
        return childId;
    }

    /** Everything the child has been recorded as, merged. */
    public IdentityFacts facts() {
        return facts;
    }

    /** The facts normalised for comparing. */
    Prepared prepared() {
        return prepared;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Candidate that && childId.equals(that.childId) && facts.equals(that.facts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(childId, facts);
    }

    @Override
    public String toString() {
        return "Candidate[childId=" + childId + ", facts=" + facts + "]";
    }
}
