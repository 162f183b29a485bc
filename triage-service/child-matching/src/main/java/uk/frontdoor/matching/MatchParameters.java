package uk.frontdoor.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tunable part of the score, in the Fellegi-Sunter model as the Ministry of Justice's Splink
 * documents it. For each comparison level, m is the chance of seeing that level when the two records are
 * the same child, u the chance when they are different children; the level adds log2(m/u) to the score
 * (its match weight). The prior is the chance that a contact and one known child picked at random are the
 * same child; it starts the score at log2(prior / (1 - prior)). Linking records to a register, the prior
 * odds that a contact is about one particular known child are about the share of contacts that are about a
 * known child divided by the number of known children, so the prior falls as the register grows
 * ({@link #priorFor(long)}): a fixed prior right for 100,000 children is ten times too generous at a million.
 *
 * @param version                 named in every decision, so that a decision can be traced to its weights
 * @param prior                   λ, the prior probability of a match between random pairs, when the number of
 *                                known children is not known; and the most {@link #priorFor(long)} gives
 *                                however few children are known (the weights were estimated at 100,000, and
 *                                a new register still loading must not join children more readily)
 * @param knownShare              the expected share of contacts about a child already known (0.75 in the
 *                                benchmark); with it the prior is {@code knownShare / known children}, at most
 *                                {@code prior}. 0: the prior is fixed at {@code prior}
 * @param confidentThreshold      a score at or above this joins the known child without a person
 * @param possibleThreshold       a score at or above this (and below confident) is a possible match for a person
 * @param expectedDateWindowDays  how far from the expected date a birth still counts as "near"
 * @param levels                  m and u of every comparison level
 * @param vetoes                  levels that stop a confident match, whatever the score, unless the NHS numbers
 *                                agree: the score adds fields up as if independent, but twins share a birth
 *                                date, a family name and a home, so a different given name must not be outvoted
 */
public record MatchParameters(
        String version,
        double prior,
        double knownShare,
        double confidentThreshold,
        double possibleThreshold,
        int expectedDateWindowDays,
        Map<Level, Probabilities> levels,
        Set<Level> vetoes) {

    /** The parameters shipped with the matcher (see the comments in the file for how they were set). */
    public static final String RESOURCE = "match-parameters.properties";

    public MatchParameters {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("match parameters need a version");
        }
        if (!(prior > 0 && prior < 1)) {
            throw new IllegalArgumentException("prior must be between 0 and 1");
        }
        if (!(knownShare >= 0 && knownShare <= 1)) {
            throw new IllegalArgumentException("prior.known-share must be between 0 and 1");
        }
        if (!(confidentThreshold > possibleThreshold)) {
            throw new IllegalArgumentException("the confident threshold must be above the possible threshold");
        }
        if (expectedDateWindowDays < 0) {
            throw new IllegalArgumentException("expected date window must not be negative");
        }
        EnumMap<Level, Probabilities> copy = new EnumMap<>(Level.class);
        copy.putAll(levels);
        for (Level level : Level.values()) {
            if (!copy.containsKey(level)) {
                throw new IllegalArgumentException("no m and u for " + level.key());
            }
        }
        levels = java.util.Collections.unmodifiableMap(copy);
        vetoes = vetoes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(vetoes));
    }

    /** m and u of one level, each in (0, 1]. */
    public record Probabilities(double m, double u) {
        public Probabilities {
            if (!(m > 0 && m <= 1 && u > 0 && u <= 1)) {
                throw new IllegalArgumentException("m and u must be in (0, 1]: m=" + m + " u=" + u);
            }
        }

        /** log2(m / u) */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    public double weight(Level level) {
        return levels.get(level).weight();
    }

    /** log2(λ / (1 - λ)): where every score starts, with the prior as configured. */
    public double priorWeight() {
        return priorWeight(prior);
    }

    /** log2(λ / (1 - λ)) */
    public static double priorWeight(double prior) {
        return Math.log(prior / (1 - prior)) / Math.log(2);
    }

    /**
     * The prior for a register of this many known children: {@code knownShare / knownChildren}, never above
     * {@link #prior()}; {@link #prior()} itself when the prior is fixed or the number is not known (0 or less).
     */
    public double priorFor(long knownChildren) {
        if (knownShare == 0 || knownChildren <= 0) {
            return prior;
        }
        return Math.min(prior, knownShare / knownChildren);
    }

    /** The match probability of a score: 2^score / (1 + 2^score). */
    public static double probability(double score) {
        double odds = Math.pow(2, score);
        return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
    }

    public MatchParameters withThresholds(double confident, double possible) {
        return new MatchParameters(version, prior, knownShare, confident, possible, expectedDateWindowDays, levels, vetoes);
    }

    public MatchParameters withVersion(String newVersion) {
        return new MatchParameters(newVersion, prior, knownShare, confidentThreshold, possibleThreshold, expectedDateWindowDays,
                levels, vetoes);
    }

    public MatchParameters withPrior(double newPrior) {
        return new MatchParameters(version, newPrior, knownShare, confidentThreshold, possibleThreshold, expectedDateWindowDays,
                levels, vetoes);
    }

    public MatchParameters withKnownShare(double newKnownShare) {
        return new MatchParameters(version, prior, newKnownShare, confidentThreshold, possibleThreshold,
                expectedDateWindowDays, levels, vetoes);
    }

    public MatchParameters withVetoes(Set<Level> newVetoes) {
        return new MatchParameters(version, prior, knownShare, confidentThreshold, possibleThreshold, expectedDateWindowDays,
                levels, newVetoes);
    }

    public MatchParameters withLevels(Map<Level, Probabilities> newLevels) {
        Map<Level, Probabilities> merged = new EnumMap<>(levels);
        merged.putAll(newLevels);
        return new MatchParameters(version, prior, knownShare, confidentThreshold, possibleThreshold, expectedDateWindowDays,
                merged, vetoes);
    }

    /** The shipped parameters. */
    public static MatchParameters defaults() {
        try (InputStream in = MatchParameters.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return from(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MatchParameters from(Properties properties) {
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return from(values);
    }

    /**
     * From flat keys, as in the shipped file: {@code version}, {@code prior}, {@code prior.known-share},
     * {@code threshold.confident},
     * {@code threshold.possible}, {@code expected-date-window-days}, and for each level
     * {@code <field>.<level>.m} and {@code .u} (for example {@code date_of_birth.day_month_swapped.m}).
     * Keys missing here are taken from the shipped defaults, so a deployment overrides only what it tunes.
     */
    public static MatchParameters from(Map<String, String> values) {
        MatchParameters base = values.containsKey("version") && hasEveryLevel(values) ? null : defaults();
        Map<Level, Probabilities> levels = new EnumMap<>(Level.class);
        for (Level level : Level.values()) {
            String m = values.get(level.key() + ".m");
            String u = values.get(level.key() + ".u");
            Probabilities fallback = base == null ? null : base.levels().get(level);
            try {
                levels.put(level, new Probabilities(
                        m != null ? Double.parseDouble(m.trim()) : fallback.m(),
                        u != null ? Double.parseDouble(u.trim()) : fallback.u()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(level.key() + ": " + e.getMessage(), e);
            }
        }
        Set<Level> vetoes = values.containsKey("confident.vetoes") ? levels(values.get("confident.vetoes"))
                : base == null ? Set.of() : base.vetoes();
        return new MatchParameters(
                value(values, "version", base == null ? null : base.version()),
                number(values, "prior", base == null ? Double.NaN : base.prior()),
                number(values, "prior.known-share", base == null ? 0 : base.knownShare()),
                number(values, "threshold.confident", base == null ? Double.NaN : base.confidentThreshold()),
                number(values, "threshold.possible", base == null ? Double.NaN : base.possibleThreshold()),
                (int) number(values, "expected-date-window-days", base == null ? 0 : base.expectedDateWindowDays()),
                levels, vetoes);
    }

    private static Set<Level> levels(String keys) {
        Set<Level> result = EnumSet.noneOf(Level.class);
        for (String key : keys.split(",")) {
            String k = key.trim();
            if (k.isEmpty()) {
                continue;
            }
            result.add(Arrays.stream(Level.values()).filter(l -> l.key().equals(k)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("confident.vetoes: no level " + k)));
        }
        return result;
    }

    private static boolean hasEveryLevel(Map<String, String> values) {
        for (Level level : Level.values()) {
            if (!values.containsKey(level.key() + ".m") || !values.containsKey(level.key() + ".u")) {
                return false;
            }
        }
        return true;
    }

    private static String value(Map<String, String> values, String key, String fallback) {
        String v = values.get(key);
        if (v == null && fallback == null) {
            throw new IllegalArgumentException("missing match parameter " + key);
        }
        return v == null ? fallback : v.trim();
    }

    private static double number(Map<String, String> values, String key, double fallback) {
        String v = values.get(key);
        if (v == null && Double.isNaN(fallback)) {
            throw new IllegalArgumentException("missing match parameter " + key);
        }
        return v == null ? fallback : Double.parseDouble(v.trim());
    }

    /** The same flat keys as {@link #from(Map)}, sorted: for writing a tuned file. */
    public Map<String, String> toMap() {
        Map<String, String> out = new TreeMap<>();
        out.put("version", version);
        out.put("prior", format(prior));
        out.put("prior.known-share", format(knownShare));
        out.put("threshold.confident", format(confidentThreshold));
        out.put("threshold.possible", format(possibleThreshold));
        out.put("expected-date-window-days", Integer.toString(expectedDateWindowDays));
        out.put("confident.vetoes", String.join(",", vetoes.stream().map(Level::key).toList()));
        levels.forEach((level, p) -> {
            out.put(level.key() + ".m", format(p.m()));
            out.put(level.key() + ".u", format(p.u()));
        });
        return out;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
