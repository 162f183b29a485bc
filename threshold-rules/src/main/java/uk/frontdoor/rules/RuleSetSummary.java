package uk.frontdoor.rules;

import java.time.LocalDate;

/** What a manager needs to know about a loaded rule set. */
public record RuleSetSummary(String id, String version, LocalDate effectiveFrom, String framework, LocalDate reviewBy, int ruleCount) {

    public RuleSetRef ref() {
        return new RuleSetRef(id, version);
    }
}
