package uk.frontdoor.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every rule set, loaded and compiled at once; immutable and thread-safe. Loading is all or nothing: one broken
 * file fails the whole catalogue with a {@link RuleSetLoadException}.
 */
public final class RuleSetCatalogue {

    /** Classpath folder of the shipped rule sets; {@code index.txt} there lists the files, one a line. */
    public static final String DEFAULT_LOCATION = "/threshold-rules/";

    private final List<CompiledRuleSet> byEffectiveFrom;
    private final Map<RuleSetRef, CompiledRuleSet> byRef;

    private RuleSetCatalogue(List<CompiledRuleSet> ruleSets) {
        List<CompiledRuleSet> sorted = new ArrayList<>(ruleSets);
        sorted.sort(Comparator.comparing(r -> r.summary().effectiveFrom()));
        Map<RuleSetRef, CompiledRuleSet> refs = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            CompiledRuleSet current = sorted.get(i);
            CompiledRuleSet clash = refs.put(current.ref(), current);
            if (clash != null) {
                throw new RuleSetLoadException(current.file(), null,
                        "rule set " + current.ref() + " is also defined in '" + clash.file() + "'");
            }
            if (i > 0 && sorted.get(i - 1).summary().effectiveFrom().equals(current.summary().effectiveFrom())) {
                throw new RuleSetLoadException(current.file(), null, "takes effect on the same day ("
                        + current.summary().effectiveFrom() + ") as '" + sorted.get(i - 1).file() + "': which is in force would be ambiguous");
            }
        }
        this.byEffectiveFrom = List.copyOf(sorted);
        this.byRef = Map.copyOf(refs);
    }

    /** The rule sets shipped on the classpath, listed in {@code /threshold-rules/index.txt}. */
    public static RuleSetCatalogue loadDefault() {
        List<String> files = new ArrayList<>();
        try (InputStream index = RuleSetCatalogue.class.getResourceAsStream(DEFAULT_LOCATION + "index.txt")) {
            if (index == null) {
                throw new RuleSetLoadException("index.txt", null, "not found on the classpath at " + DEFAULT_LOCATION);
            }
            new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CompiledRuleSet> ruleSets = new ArrayList<>();
        for (String file : files) {
            try (InputStream in = RuleSetCatalogue.class.getResourceAsStream(DEFAULT_LOCATION + file)) {
                if (in == null) {
                    throw new RuleSetLoadException(file, null, "listed in index.txt but not on the classpath");
                }
                ruleSets.add(RuleSetCompiler.compile(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new RuleSetLoadException(file, null, "cannot be read: " + e.getMessage(), e);
            }
        }
        return of(ruleSets, "classpath " + DEFAULT_LOCATION);
    }

    /** Every {@code *.yaml} file in a directory. */
    public static RuleSetCatalogue load(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new RuleSetLoadException(directory.toString(), null, "cannot list the directory: " + e.getMessage(), e);
        }
        return loadFiles(files, directory.toString());
    }

    /** Exactly the given files (e.g. one draft, to check it on its own). */
    public static RuleSetCatalogue loadFiles(List<Path> files) {
        return loadFiles(files, "the given files");
    }

    /**
     * One rule-set file given as text (a draft uploaded to be simulated), with the same checks start-up makes: a
     * file that does not load is a {@link RuleSetLoadException} naming the file, rule and error.
     */
    public static RuleSetCatalogue ofText(String file, String yamlText) {
        return of(List.of(RuleSetCompiler.compile(file, yamlText)), file);
    }

    private static RuleSetCatalogue loadFiles(List<Path> files, String where) {
        List<CompiledRuleSet> ruleSets = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RuleSetLoadException(name, null, "cannot be read: " + e.getMessage(), e);
            }
            ruleSets.add(RuleSetCompiler.compile(name, text));
        }
        return of(ruleSets, where);
    }

    private static RuleSetCatalogue of(List<CompiledRuleSet> ruleSets, String where) {
        if (ruleSets.isEmpty()) {
            throw new RuleSetLoadException(where, null, "no rule-set files found");
        }
        return new RuleSetCatalogue(ruleSets);
    }

    /** All rule sets, oldest effectiveFrom first. */
    public List<RuleSetSummary> summaries() {
        return byEffectiveFrom.stream().map(CompiledRuleSet::summary).toList();
    }

    /** The rule set with the latest effectiveFrom on or before {@code date}. */
    public RuleSetSummary inForceOn(LocalDate date) {
        return compiledInForceOn(date).summary();
    }

    /** Rule sets whose reviewBy date has passed (a manager should review or replace them). */
    public List<RuleSetSummary> pastReviewDate(LocalDate today) {
        return byEffectiveFrom.stream().map(CompiledRuleSet::summary).filter(s -> s.reviewBy().isBefore(today)).toList();
    }

    public Optional<RuleSetSummary> find(RuleSetRef ref) {
        return Optional.ofNullable(byRef.get(ref)).map(CompiledRuleSet::summary);
    }

    /** The rules of a rule set as id and description, in file order. */
    public List<FiredRule> rules(RuleSetRef ref) {
        return compiled(ref).rules().stream().map(r -> r.fired).toList();
    }

    /** The rules of a loaded rule set in file order, each with its condition, effect and explanation. */
    public List<RuleView> ruleViews(RuleSetRef ref) {
        return compiled(ref).rules().stream().map(RuleView::of).toList();
    }

    /** A loaded rule set's parameters, by name, in file order. */
    public Map<String, Long> parameters(RuleSetRef ref) {
        return compiled(ref).parameters().values();
    }

    /**
     * What changed from one loaded rule set to another, possibly of another catalogue (a draft checked on its own).
     *
     * @throws IllegalArgumentException if either is not loaded
     */
    public RuleSetDiff diff(RuleSetRef from, RuleSetCatalogue toCatalogue, RuleSetRef to) {
        return RuleSetDiff.between(compiled(from), toCatalogue.compiled(to));
    }

    /** The same between two rule sets of this catalogue. */
    public RuleSetDiff diff(RuleSetRef from, RuleSetRef to) {
        return diff(from, this, to);
    }

    /**
     * The loaded version a draft of rule set {@code draft.id()} taking effect on {@code effectiveFrom} revises: the
     * loaded one of the same id and version if there is one (the draft edits it), else the latest of that id taking
     * effect on or before the draft (the one it would follow), else the newest of that id; empty if none of that id
     * is loaded.
     */
    public Optional<RuleSetSummary> revisedBy(RuleSetRef draft, LocalDate effectiveFrom) {
        if (byRef.containsKey(draft)) {
            return Optional.of(byRef.get(draft).summary());
        }
        List<RuleSetSummary> sameId = byEffectiveFrom.stream().map(CompiledRuleSet::summary)
                .filter(summary -> summary.id().equals(draft.id())).toList();
        return sameId.stream().filter(summary -> !summary.effectiveFrom().isAfter(effectiveFrom))
                .reduce((first, second) -> second)
                .or(() -> sameId.isEmpty() ? Optional.empty() : Optional.of(sameId.get(sameId.size() - 1)));
    }

    CompiledRuleSet compiledInForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        CompiledRuleSet inForce = null;
        for (CompiledRuleSet ruleSet : byEffectiveFrom) {
            if (ruleSet.summary().effectiveFrom().isAfter(date)) {
                break;
            }
            inForce = ruleSet;
        }
        if (inForce == null) {
            throw new NoRuleSetInForceException(date, byEffectiveFrom.get(0).summary().effectiveFrom());
        }
        return inForce;
    }

    CompiledRuleSet compiled(RuleSetRef ref) {
        CompiledRuleSet ruleSet = byRef.get(ref);
        if (ruleSet == null) {
            throw new IllegalArgumentException("no rule set " + ref + " is loaded");
        }
        return ruleSet;
    }
}
