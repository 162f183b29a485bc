package uk.frontdoor.rules.check;

import java.util.List;
import uk.frontdoor.rules.ChildHistory;
import uk.frontdoor.rules.ContactFacts;
import uk.frontdoor.rules.Priority;

/**
 * One row of a scenarios file: a contact, the child's history, and what the rules must decide.
 *
 * @param mustFire    rule ids that must be among the fired rules
 * @param mustNotFire rule ids that must not fire
 * @param flags       flags the decision must include
 */
public record Scenario(String name, int line, ContactFacts contact, ChildHistory history, int expectedLevel,
                       Priority expectedPriority, List<String> mustFire, List<String> mustNotFire, List<String> flags) {

    @Override
    public String toString() {
        return name;
    }
}
