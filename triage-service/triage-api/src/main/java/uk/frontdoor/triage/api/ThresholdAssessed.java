package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The threshold rules assessed a contact. Everything the assessment depended on is kept with it:
 * the rule set and version in force, and every rule that fired with its description, so that the
 * decision can be explained and reproduced years later even after the rules change.
 */
@Revision("1")
public record ThresholdAssessed(
        ChildId childId,
        ContactId contactId,
        Instant assessedAt,
        Threshold threshold) implements ChildEvent {

    public record Threshold(
            int level,
            Priority priority,
            Instant responseDueAt,
            Instant decisionDueAt,
            List<String> flags,
            RuleSet ruleSet,
            List<RuleFired> rulesFired) {

        public Threshold {
            flags = List.copyOf(flags);
            rulesFired = List.copyOf(rulesFired);
        }
    }

    public record RuleSet(String id, String version) {
    }

    public record RuleFired(String id, String description) {
    }

    /** RAG priority: red, amber, green; blue needs no front-door action. */
    public enum Priority {
        RED, AMBER, GREEN, BLUE;

        /** Lower is more urgent. */
        public int urgency() {
            return ordinal();
        }
    }
}
