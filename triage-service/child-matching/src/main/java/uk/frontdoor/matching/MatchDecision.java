package uk.frontdoor.matching;

import java.util.List;
import java.util.Optional;

/**
 * What matching decided, with everything needed to show why.
 *
 * @param outcome             join, possible matches for a person, or a new child
 * @param matched             the child to join, for {@link Outcome#CONFIDENT} only
 * @param possibleMatches     for {@link Outcome#POSSIBLE}: every candidate at or above the possible threshold,
 *                            best first; for {@link Outcome#CONFIDENT}: the others at or above it (usually none)
 * @param parametersVersion   the {@link MatchParameters#version()} that scored it
 * @param confidentThreshold  the thresholds in force, recorded with the decision
 * @param possibleThreshold   the thresholds in force, recorded with the decision
 * @param candidatesScored    how many known children were scored
 * @param prior               the prior every score started from ({@link MatchParameters#priorFor(long)})
 * @param knownChildren       the number of known children the prior was set for; 0 if not known (the
 *                            configured prior was used)
 */
public record MatchDecision(
        Outcome outcome,
        Optional<MatchScore> matched,
        List<MatchScore> possibleMatches,
        String parametersVersion,
        double confidentThreshold,
        double possibleThreshold,
        int candidatesScored,
        double prior,
        long knownChildren) {

    public MatchDecision {
        possibleMatches = List.copyOf(possibleMatches);
        if ((outcome == Outcome.CONFIDENT) != matched.isPresent()) {
            throw new IllegalArgumentException("a confident decision, and only that, names the matched child");
        }
    }

    public Optional<String> matchedChildId() {
        return matched.map(MatchScore::childId);
    }
}
