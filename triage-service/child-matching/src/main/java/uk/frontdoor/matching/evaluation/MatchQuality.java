package uk.frontdoor.matching.evaluation;

import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.MatchDecision;
import uk.frontdoor.matching.MatchScore;
import uk.frontdoor.matching.Outcome;
import uk.frontdoor.matching.evaluation.SyntheticPopulation.TrueChild;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The match-quality benchmark: a synthetic population of which nine in ten children are already known
 * (each by one first record), and contacts drawn from it, three in four about known children and one in
 * four about children not yet known (many of them brothers, sisters and twins of known ones).
 */
public final class MatchQuality {

    /** A known child's record as the candidate search would return it. */
    public record KnownChild(TrueChild child, IdentityFacts firstRecord) {
        public Candidate candidate() {
            return new Candidate(Integer.toString(child.id()), firstRecord);
        }
    }

    /** A contact and the truth about it. */
    public record Contact(IdentityFacts facts, int trueChildId, boolean childKnown) {
    }

    public record Scenario(List<TrueChild> population, List<KnownChild> known, List<Contact> contacts) {
    }

    public record Report(int contacts, int aboutKnownChildren, int confident, int confidentCorrect, int possible,
                         int possibleWithTrueChild, int none, int missedKnown, long[] latenciesNanos) {

        public double precision() {
            return confident == 0 ? 1.0 : (double) confidentCorrect / confident;
        }

        public double recall() {
            return aboutKnownChildren == 0 ? 1.0 : (double) confidentCorrect / aboutKnownChildren;
        }

        public double shareToPerson() {
            return (double) possible / contacts;
        }

        public double latencyPercentileMillis(double percentile) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        public String summary() {
            return String.format(Locale.ROOT,
                    "contacts %d (about known children %d): confident %d, of which correct %d -> precision %.5f,"
                            + " recall %.4f; to a person %d (%.2f%%; true child listed in %d); new child %d"
                            + " (known children missed: %d)",
                    contacts, aboutKnownChildren, confident, confidentCorrect, precision(), recall(), possible,
                    100 * shareToPerson(), possibleWithTrueChild, none, missedKnown);
        }
    }

    private MatchQuality() {
    }

    public static Scenario scenario(long seed, int knownChildren, int contacts, LocalDate today) {
        int populationSize = (int) Math.ceil(knownChildren / 0.9);
        List<TrueChild> population = SyntheticPopulation.generate(seed, populationSize, today);
        SplittableRandom random = new SplittableRandom(seed + 1);
        Recording recording = new Recording(seed + 2, today, populationSize);
        List<KnownChild> known = new ArrayList<>();
        List<TrueChild> unknown = new ArrayList<>();
        boolean[] isKnown = new boolean[population.size()];
        for (TrueChild child : population) {
            if (known.size() < knownChildren && random.nextDouble() < 0.9) {
                known.add(new KnownChild(child, recording.firstRecord(child)));
                isKnown[child.id()] = true;
            } else {
                unknown.add(child);
            }
        }
        List<Contact> drawn = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            TrueChild child = random.nextDouble() < 0.75 || unknown.isEmpty()
                    ? known.get(random.nextInt(known.size())).child()
                    : unknown.get(random.nextInt(unknown.size()));
            drawn.add(new Contact(recording.contact(child), child.id(), isKnown[child.id()]));
        }
        return new Scenario(population, List.copyOf(known), List.copyOf(drawn));
    }

    /** Matches every contact against the candidates the search gives, timing search and scoring together. */
    public static Report evaluate(Scenario scenario, ChildMatcher matcher,
                                  Function<IdentityFacts, List<Candidate>> candidateSearch) {
        int aboutKnown = 0, confident = 0, correct = 0, possible = 0, possibleWithTruth = 0, none = 0, missed = 0;
        long[] latencies = new long[scenario.contacts().size()];
        int i = 0;
        for (Contact contact : scenario.contacts()) {
            long start = System.nanoTime();
            MatchDecision decision = matcher.match(contact.facts(), candidateSearch.apply(contact.facts()));
            latencies[i++] = System.nanoTime() - start;
            String truth = Integer.toString(contact.trueChildId());
            if (contact.childKnown()) {
                aboutKnown++;
            }
            switch (decision.outcome()) {
                case CONFIDENT -> {
                    confident++;
                    if (contact.childKnown() && decision.matchedChildId().orElseThrow().equals(truth)) {
                        correct++;
                    }
                }
                case POSSIBLE -> {
                    possible++;
                    if (decision.possibleMatches().stream().map(MatchScore::childId).anyMatch(truth::equals)) {
                        possibleWithTruth++;
                    }
                }
                case NONE -> {
                    none++;
                    if (contact.childKnown()) {
                        missed++;
                    }
                }
            }
        }
        return new Report(scenario.contacts().size(), aboutKnown, confident, correct, possible, possibleWithTruth,
                none, missed, latencies);
    }

    /** Decisions that went wrong, for looking at while tuning. */
    public static List<String> mistakes(Scenario scenario, ChildMatcher matcher,
                                        Function<IdentityFacts, List<Candidate>> candidateSearch, int limit,
                                        boolean wrongOnly) {
        List<String> out = new ArrayList<>();
        for (Contact contact : scenario.contacts()) {
            if (out.size() >= limit) {
                break;
            }
            List<Candidate> candidates = candidateSearch.apply(contact.facts());
            MatchDecision decision = matcher.match(contact.facts(), candidates);
            String truth = Integer.toString(contact.trueChildId());
            boolean wrong = decision.outcome() == Outcome.CONFIDENT
                    && !(contact.childKnown() && decision.matchedChildId().orElseThrow().equals(truth));
            if (wrong || (!wrongOnly && contact.childKnown() && decision.outcome() != Outcome.CONFIDENT)) {
                StringBuilder s = new StringBuilder();
                s.append(wrong ? "WRONG " : "MISSED ").append(decision.outcome()).append(" contact ")
                        .append(contact.facts()).append('\n');
                candidates.stream().filter(c -> c.childId().equals(truth)).findFirst().ifPresentOrElse(
                        c -> s.append("  true: ").append(c.facts()).append("\n    ")
                                .append(matcher.score(contact.facts(), c).score()).append(' ')
                                .append(matcher.score(contact.facts(), c).explanation()).append('\n'),
                        () -> s.append("  true child not among candidates (known: ").append(contact.childKnown())
                                .append(")\n"));
                decision.matched().or(() -> decision.possibleMatches().stream().findFirst()).ifPresent(m -> {
                    s.append("  best: ").append(m.childId()).append(' ').append(m.score()).append(' ')
                            .append(m.explanation()).append('\n');
                    candidates.stream().filter(c -> c.childId().equals(m.childId())).findFirst()
                            .ifPresent(c -> s.append("    ").append(c.facts()).append('\n'));
                });
                out.add(s.toString());
            }
        }
        return out;
    }
}
