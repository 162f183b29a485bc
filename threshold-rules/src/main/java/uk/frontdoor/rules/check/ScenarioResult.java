package uk.frontdoor.rules.check;

import java.util.ArrayList;
import java.util.List;
import uk.frontdoor.rules.ThresholdDecision;

/** The outcome of one scenario: the decision and what did not match (empty when it passed). */
public record ScenarioResult(Scenario scenario, ThresholdDecision decision, List<String> problems) {

    public boolean passed() {
        return problems.isEmpty();
    }

    public static ScenarioResult of(Scenario scenario, ThresholdDecision decision) {
        List<String> problems = new ArrayList<>();
        if (decision.level() != scenario.expectedLevel()) {
            problems.add("level " + decision.level() + ", expected " + scenario.expectedLevel());
        }
        if (decision.priority() != scenario.expectedPriority()) {
            problems.add("priority " + decision.priority() + ", expected " + scenario.expectedPriority());
        }
        List<String> fired = decision.ruleIds();
        for (String id : scenario.mustFire()) {
            if (!fired.contains(id)) {
                problems.add("rule " + id + " did not fire");
            }
        }
        for (String id : scenario.mustNotFire()) {
            if (fired.contains(id)) {
                problems.add("rule " + id + " fired but must not");
            }
        }
        for (String flag : scenario.flags()) {
            if (!decision.flags().contains(flag)) {
                problems.add("flag " + flag + " missing");
            }
        }
        return new ScenarioResult(scenario, decision, List.copyOf(problems));
    }
}
