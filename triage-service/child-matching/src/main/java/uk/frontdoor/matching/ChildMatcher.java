package uk.frontdoor.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a contact's child is a child already known: scores each candidate in the
 * Fellegi-Sunter way (the prior's weight plus one weight per field) and applies the two thresholds.
 * Thread-safe; build one per set of parameters.
 */
public final class ChildMatcher {

    /** A person is shown at most this many possible matches. */
    static final int MAX_POSSIBLE_MATCHES = 5;

    private final MatchParameters parameters;
    private final Comparisons comparisons;

    public ChildMatcher(MatchParameters parameters) {
        this(parameters, Nicknames.standard());
    }

    public ChildMatcher(MatchParameters parameters, Nicknames nicknames) {
        this.parameters = parameters;
        this.comparisons = new Comparisons(nicknames, parameters.expectedDateWindowDays());
    }

    public MatchParameters parameters() {
        return parameters;
    }

    /**
     * A confident match needs one candidate at or above the confident threshold, not vetoed, and no other
     * such: two known children that both look certain are a question for a person, not a guess.
     */
    public MatchDecision match(IdentityFacts incoming, List<Candidate> candidates) {
        Prepared in = Prepared.of(incoming);
        List<MatchScore> scores = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            scores.add(score(in, candidate));
        }
        scores.sort(Comparator.comparingDouble(MatchScore::score).reversed());
        List<MatchScore> possible = scores.stream()
                .filter(s -> s.score() >= parameters.possibleThreshold())
                .limit(MAX_POSSIBLE_MATCHES)
                .toList();
        List<MatchScore> confident = scores.stream()
                .filter(s -> s.score() >= parameters.confidentThreshold() && s.vetoedBy().isEmpty())
                .toList();
        if (confident.size() == 1) {
            MatchScore match = confident.get(0);
            return decision(Outcome.CONFIDENT, Optional.of(match),
                    possible.stream().filter(s -> s != match).toList(), candidates.size());
        }
        if (!possible.isEmpty()) {
            return decision(Outcome.POSSIBLE, Optional.empty(), possible, candidates.size());
        }
        return decision(Outcome.NONE, Optional.empty(), List.of(), candidates.size());
    }

    public MatchScore score(IdentityFacts incoming, Candidate candidate) {
        return score(Prepared.of(incoming), candidate);
    }

    private MatchScore score(Prepared in, Candidate candidate) {
        Map<Field, Level> levels = comparisons.compare(in, Prepared.of(candidate.facts()));
        double score = parameters.priorWeight();
        List<FieldResult> fields = new ArrayList<>(levels.size());
        List<FieldResult> vetoes = new ArrayList<>(1);
        for (Map.Entry<Field, Level> entry : levels.entrySet()) {
            double weight = entry.getValue() == null ? 0 : parameters.weight(entry.getValue());
            FieldResult field = new FieldResult(entry.getKey(), entry.getValue(), weight);
            fields.add(field);
            if (parameters.vetoes().contains(entry.getValue())) {
                vetoes.add(field);
            }
            score += weight;
        }
        if (levels.get(Field.NHS_NUMBER) == Level.NHS_NUMBER_AGREE) {
            vetoes.clear();
        }
        return new MatchScore(candidate.childId(), score, MatchParameters.probability(score), fields, vetoes);
    }

    private MatchDecision decision(Outcome outcome, Optional<MatchScore> matched, List<MatchScore> possible,
                                   int scored) {
        return new MatchDecision(outcome, matched, possible, parameters.version(),
                parameters.confidentThreshold(), parameters.possibleThreshold(), scored);
    }
}
