package uk.frontdoor.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
     * Which of several known records, each a confident match, to join because they are already one child
     * (linked by a person or a confident match); empty when they are not all one child.
     */
    @FunctionalInterface
    public interface OneChild {
        /** No records are linked: two confident matches are always two children. */
        OneChild NONE = records -> Optional.empty();

        Optional<String> recordToJoin(Set<String> records);
    }

    /** With the configured prior ({@link MatchParameters#prior()}) and no linked records. */
    public MatchDecision match(IdentityFacts incoming, List<Candidate> candidates) {
        return match(incoming, candidates, 0, OneChild.NONE);
    }

    /**
     * A confident match needs one candidate at or above the confident threshold, not vetoed, and no other
     * such: two known children that both look certain are a question for a person, not a guess, unless
     * {@code oneChild} says the records are one child already, when the contact joins the record it names.
     *
     * @param knownChildren how many children are known, for the prior ({@link MatchParameters#priorFor(long)});
     *                      0 if not known
     */
    public MatchDecision match(IdentityFacts incoming, List<Candidate> candidates, long knownChildren,
                               OneChild oneChild) {
        double prior = parameters.priorFor(knownChildren);
        Prepared in = Prepared.of(incoming);
        List<MatchScore> scores = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            scores.add(score(in, candidate, MatchParameters.priorWeight(prior)));
        }
        scores.sort(Comparator.comparingDouble(MatchScore::score).reversed());
        List<MatchScore> possible = scores.stream()
                .filter(s -> s.score() >= parameters.possibleThreshold())
                .limit(MAX_POSSIBLE_MATCHES)
                .toList();
        List<MatchScore> confident = scores.stream()
                .filter(s -> s.score() >= parameters.confidentThreshold() && s.vetoedBy().isEmpty())
                .toList();
        Optional<MatchScore> match = confident.size() == 1 ? Optional.of(confident.get(0)) : Optional.empty();
        if (confident.size() > 1) {
            Set<String> records = new java.util.LinkedHashSet<>();
            confident.forEach(s -> records.add(s.childId()));
            match = oneChild.recordToJoin(records)
                    .flatMap(join -> confident.stream().filter(s -> s.childId().equals(join)).findFirst());
        }
        if (match.isPresent()) {
            MatchScore matched = match.get();
            return decision(Outcome.CONFIDENT, match, possible.stream().filter(s -> s != matched).toList(),
                    candidates.size(), prior, knownChildren);
        }
        if (!possible.isEmpty()) {
            return decision(Outcome.POSSIBLE, Optional.empty(), possible, candidates.size(), prior, knownChildren);
        }
        return decision(Outcome.NONE, Optional.empty(), List.of(), candidates.size(), prior, knownChildren);
    }

    /** The score with the configured prior. */
    public MatchScore score(IdentityFacts incoming, Candidate candidate) {
        return score(Prepared.of(incoming), candidate, parameters.priorWeight());
    }

    private MatchScore score(Prepared in, Candidate candidate, double priorWeight) {
        Map<Field, Level> levels = comparisons.compare(in, candidate.prepared());
        double score = priorWeight;
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
                                   int scored, double prior, long knownChildren) {
        return new MatchDecision(outcome, matched, possible, parameters.version(),
                parameters.confidentThreshold(), parameters.possibleThreshold(), scored, prior, knownChildren);
    }
}
