package uk.frontdoor.rules;

import java.time.LocalDate;

/** No loaded rule set was in force on a date (every rule set's effectiveFrom is later). */
public class NoRuleSetInForceException extends RuntimeException {
    public NoRuleSetInForceException(LocalDate date, LocalDate earliestEffectiveFrom) {
        super("No threshold rule set is in force on " + date + "; the earliest loaded takes effect on " + earliestEffectiveFrom);
    }
}
