package uk.frontdoor.triage.api.value;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * How the front door decided which child a contact is about, when the NHS number did not settle it:
 * the outcome, every known child scored at or above the possible threshold with its score and the
 * fields that agreed or disagreed (in words, never the values), and the parameters and thresholds in
 * force. Recorded with the contact, so the decision can be explained and re-examined later.
 *
 * @param parametersVersion null only where no matching ran (a list of possible matches given directly)
 * @param prior             the prior every score started from, which follows the number of known children;
 *                          null in decisions recorded before it did (their prior is the parameters version's
 *                          fixed one) and where no matching ran. Left out of the stored JSON when null, so
 *                          those decisions are stored exactly as before
 * @param knownChildren     how many children were known when the prior was set; null as for {@code prior}
 */
public record IdentityMatch(Outcome outcome, List<Candidate> candidates, String parametersVersion,
                            double confidentThreshold, double possibleThreshold,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Double prior,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long knownChildren) {

    public enum Outcome {
        /** One known child scored at or above the confident threshold, and no other: the contact joined it. */
        CONFIDENT,
        /** Uncertain: a new record, with these candidates for a person to confirm or rule out. */
        POSSIBLE,
        /** No known child came near: a new child. */
        NONE
    }

    /**
     * @param fields each compared field in words, e.g. "date of birth: day and month swapped, +7.6"
     */
    public record Candidate(ChildId childId, double score, double probability, List<String> fields) {
        public Candidate {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    public IdentityMatch {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A decision without the prior it used (as recorded before the prior followed the known children). */
    public IdentityMatch(Outcome outcome, List<Candidate> candidates, String parametersVersion,
                         double confidentThreshold, double possibleThreshold) {
        this(outcome, candidates, parametersVersion, confidentThreshold, possibleThreshold, null, null);
    }

    /** Possible matches given as they are, without a score (a caller that did not match). */
    public static IdentityMatch possible(List<ChildId> children) {
        List<ChildId> given = children == null ? List.of() : children;
        return new IdentityMatch(given.isEmpty() ? Outcome.NONE : Outcome.POSSIBLE,
                given.stream().map(child -> new Candidate(child, 0, 0, List.of())).toList(), null, 0, 0);
    }

    /** The children a person must rule in or out: only for an uncertain outcome. */
    public List<ChildId> possibleMatches() {
        return outcome == Outcome.POSSIBLE ? candidates.stream().map(Candidate::childId).toList() : List.of();
    }

    /** Whether matching ran (and so whether there is a decision to record). */
    public boolean scored() {
        return parametersVersion != null;
    }
}
