package uk.frontdoor.matching.evaluation;

import uk.frontdoor.matching.Candidate;
import uk.frontdoor.matching.ChildMatcher;
import uk.frontdoor.matching.IdentityFacts;
import uk.frontdoor.matching.Level;
import uk.frontdoor.matching.MatchParameters;
import uk.frontdoor.matching.Nicknames;
import uk.frontdoor.matching.ParameterEstimation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates m and u on a training population and prints them as the parameters file's lines, then
 * measures a range of thresholds on a separate evaluation population. Not a test: run by hand, see
 * docs/benchmarks.md ("Child matching").
 */
public final class TuneParameters {

    public static void main(String[] args) {
        int known = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int contacts = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        LocalDate today = LocalDate.of(2026, 12, 1);
        MatchParameters shipped = MatchParameters.defaults();

        MatchQuality.Scenario training = MatchQuality.scenario(1, known, contacts, today);
        ParameterEstimation estimation = new ParameterEstimation(Nicknames.standard(),
                shipped.expectedDateWindowDays());
        List<IdentityFacts> records = training.known().stream().map(MatchQuality.KnownChild::firstRecord).toList();
        List<IdentityFacts> incoming = training.contacts().stream().map(MatchQuality.Contact::facts).toList();
        Map<Level, Double> u = estimation.estimateU(incoming, records, 4_000_000, 7);
        Map<Integer, IdentityFacts> firstRecordById = new java.util.HashMap<>();
        training.known().forEach(k -> firstRecordById.put(k.child().id(), k.firstRecord()));
        List<IdentityFacts[]> same = new ArrayList<>();
        for (MatchQuality.Contact c : training.contacts()) {
            if (c.childKnown()) {
                same.add(new IdentityFacts[]{c.facts(), firstRecordById.get(c.trueChildId())});
            }
        }
        Map<Level, Double> m = estimation.estimateM(same);
        Map<Level, MatchParameters.Probabilities> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            MatchParameters.Probabilities current = shipped.levels().get(level);
            levels.put(level, new MatchParameters.Probabilities(
                    m.getOrDefault(level, current.m()), u.getOrDefault(level, current.u())));
        }
        // Kept by hand (see the parameters file): a child named in the other's household is a brother,
        // sister or twin; random pairs and true pairs both almost never show it, so counting says little.
        levels.put(Level.HOUSEHOLD_NAME_EACH_OTHER, shipped.levels().get(Level.HOUSEHOLD_NAME_EACH_OTHER));
        // Swapped names agree on both names at once: counted once, in the given name, and at least as likely
        // by chance as both names agreeing (too rare among random pairs to count reliably).
        double bothNames = levels.get(Level.GIVEN_NAME_EXACT).u() * levels.get(Level.FAMILY_NAME_EXACT).u();
        MatchParameters.Probabilities transposed = levels.get(Level.GIVEN_NAME_TRANSPOSED);
        levels.put(Level.GIVEN_NAME_TRANSPOSED,
                new MatchParameters.Probabilities(transposed.m(), Math.max(transposed.u(), bothNames)));
        levels.put(Level.FAMILY_NAME_TRANSPOSED, new MatchParameters.Probabilities(1, 1));
        MatchParameters estimated = shipped.withLevels(levels);
        System.out.println("# estimated from " + records.size() + " records, 4,000,000 random pairs, "
                + same.size() + " true pairs");
        estimated.toMap().forEach((k, v) -> System.out.println(k + "=" + v));
        for (Level level : Level.values()) {
            System.out.printf("%-40s %+.2f%n", level.key(), estimated.weight(level));
        }

        MatchQuality.Scenario evaluation = MatchQuality.scenario(2, known, contacts, today);
        InMemoryCandidateSearch search = new InMemoryCandidateSearch(
                evaluation.known().stream().map(MatchQuality.KnownChild::candidate).toList());
        double[][] thresholds = args.length > 2 ? new double[][]{{Double.parseDouble(args[2]),
                Double.parseDouble(args[3])}} : new double[][]{{4, -4}, {6, -4}, {8, -4}, {10, -4}, {12, -4}};
        for (double[] t : thresholds) {
            ChildMatcher matcher = new ChildMatcher(estimated.withThresholds(t[0], t[1]));
            MatchQuality.Report report = MatchQuality.evaluate(evaluation, matcher, search);
            System.out.printf("confident %.1f possible %.1f: %s%n", t[0], t[1], report.summary());
        }
        if (args.length > 2) {
            ChildMatcher matcher = new ChildMatcher(estimated.withThresholds(Double.parseDouble(args[2]),
                    Double.parseDouble(args[3])));
            MatchQuality.mistakes(evaluation, matcher, search, 40, true).forEach(System.out::println);
            MatchQuality.mistakes(evaluation, matcher, search, 60, false).forEach(System.out::println);
        }
    }
}
