package uk.frontdoor.rules;

import java.util.List;

/** A whole rule-set file, loaded and compiled; immutable. */
record CompiledRuleSet(RuleSetSummary summary, String file, RuleSetParameters parameters, List<CompiledRule> rules) {

    CompiledRuleSet {
        rules = List.copyOf(rules);
    }

    RuleSetRef ref() {
        return summary.ref();
    }
}
