package uk.frontdoor.rules.check;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import uk.frontdoor.rules.ResponseScheme;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.RuleSetLoadException;
import uk.frontdoor.rules.RuleSetSummary;
import uk.frontdoor.rules.ThresholdDecision;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.rules.WorkingCalendar;

/**
 * Checks a rule-set file and, optionally, runs a scenarios file against it. For managers; no framework.
 *
 * <pre>
 * RuleSetCheck &lt;rule-set.yaml | directory&gt; [scenarios.csv]
 * </pre>
 *
 * With a file, every scenario is decided with that rule set whatever its dates (so a draft can be checked before
 * it takes effect). With a directory, every {@code *.yaml} in it is loaded and each scenario uses the rule set in
 * force on its received date. Exit code 0: all good; 1: some scenarios failed; 2: the rule set does not load or the
 * arguments or scenarios file are wrong.
 */
public final class RuleSetCheck {

    private RuleSetCheck() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 1 || args.length > 2) {
            out.println("usage: RuleSetCheck <rule-set.yaml | directory> [scenarios.csv]");
            return 2;
        }
        Path target = Path.of(args[0]);
        boolean single = !Files.isDirectory(target);
        RuleSetCatalogue catalogue;
        try {
            catalogue = single ? RuleSetCatalogue.loadFiles(List.of(target)) : RuleSetCatalogue.load(target);
        } catch (RuleSetLoadException e) {
            out.println("FAIL  " + e.getMessage());
            return 2;
        }
        for (RuleSetSummary s : catalogue.summaries()) {
            out.printf("OK    rule set %s version %s: %d rules, effective from %s, review by %s, framework: %s%n",
                    s.id(), s.version(), s.ruleCount(), s.effectiveFrom(), s.reviewBy(), s.framework());
        }
        if (args.length == 1) {
            return 0;
        }
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioFile.read(Path.of(args[1]));
        } catch (RuntimeException e) {
            out.println("FAIL  scenarios file: " + e.getMessage());
            return 2;
        }
        ThresholdEngine engine = new ThresholdEngine(catalogue, WorkingCalendar.englandAndWales(), ResponseScheme.defaults());
        RuleSetSummary only = single ? catalogue.summaries().get(0) : null;
        int failed = 0;
        for (Scenario scenario : scenarios) {
            ScenarioResult result;
            try {
                ThresholdDecision decision = only == null
                        ? engine.decide(scenario.contact(), scenario.history())
                        : engine.decide(scenario.contact(), scenario.history(), only.ref());
                result = ScenarioResult.of(scenario, decision);
            } catch (RuntimeException e) {
                failed++;
                out.printf("FAIL  line %d %s: %s%n", scenario.line(), scenario.name(), e.getMessage());
                continue;
            }
            ThresholdDecision d = result.decision();
            if (result.passed()) {
                out.printf("PASS  line %d %s: level %d %s, rules %s%n", scenario.line(), scenario.name(), d.level(), d.priority(), d.ruleIds());
            } else {
                failed++;
                out.printf("FAIL  line %d %s: %s (rules fired: %s)%n", scenario.line(), scenario.name(),
                        String.join("; ", result.problems()), d.ruleIds());
            }
        }
        out.printf("%d scenarios, %d passed, %d failed%n", scenarios.size(), scenarios.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }
}
