package uk.frontdoor.matching;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Estimates m and u probabilities by counting comparison levels, as Splink does:
 *
 * <ul>
 *   <li><b>u</b>, from pairs of records picked at random, one from each side (incoming contacts and known
 *       children): nearly all are different children, so how often a level occurs among them is how often it
 *       occurs by chance.</li>
 *   <li><b>m</b>, from pairs known to be the same child: in production the matches staff have confirmed; for
 *       the benchmark the generated truth (on a sample generated apart from the one measured).</li>
 * </ul>
 *
 * A level never seen in the sample gets half a count (so its probability is small, not zero); a field missing
 * on either side is not counted.
 */
public final class ParameterEstimation {

    private final Comparisons comparisons;

    public ParameterEstimation(Nicknames nicknames, int expectedDateWindowDays) {
        this.comparisons = new Comparisons(nicknames, expectedDateWindowDays);
    }

    /** u from {@code pairs} random pairs, one record from each list. */
    public Map<Level, Double> estimateU(List<IdentityFacts> incoming, List<IdentityFacts> known, int pairs,
                                       long seed) {
        List<Prepared> left = incoming.stream().map(Prepared::of).toList();
        List<Prepared> right = known.stream().map(Prepared::of).toList();
        SplittableRandom random = new SplittableRandom(seed);
        Counts counts = new Counts();
        for (int i = 0; i < pairs; i++) {
            counts.add(comparisons.compare(left.get(random.nextInt(left.size())),
                    right.get(random.nextInt(right.size()))));
        }
        return counts.probabilities();
    }

    /** m from pairs known to be the same child: element 0 and 1 of each pair. */
    public Map<Level, Double> estimateM(List<IdentityFacts[]> samePairs) {
        Counts counts = new Counts();
        for (IdentityFacts[] pair : samePairs) {
            counts.add(comparisons.compare(Prepared.of(pair[0]), Prepared.of(pair[1])));
        }
        return counts.probabilities();
    }

    private static final class Counts {
        private final Map<Level, Integer> levels = new EnumMap<>(Level.class);
        private final Map<Field, Integer> fields = new EnumMap<>(Field.class);

        void add(Map<Field, Level> compared) {
            compared.forEach((field, level) -> {
                if (level != null) {
                    levels.merge(level, 1, Integer::sum);
                    fields.merge(field, 1, Integer::sum);
                }
            });
        }

        Map<Level, Double> probabilities() {
            Map<Level, Double> out = new EnumMap<>(Level.class);
            for (Level level : Level.values()) {
                int total = fields.getOrDefault(level.field(), 0);
                if (total > 0) {
                    double count = levels.getOrDefault(level, 0);
                    out.put(level, (count == 0 ? 0.5 : count) / total);
                }
            }
            return out;
        }
    }
}
