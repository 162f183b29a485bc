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
 *
 * <p>Revision 2 added {@code completeness}: how complete the referral was against the council's referral standard
 * (which standard, which version, for which kind of agency, and what it lacked), scored by reception at the same
 * moment and kept for the same reason. Null for a contact that no agency referred (a step-up from early help) and
 * for contacts assessed before the standard existed, which {@link uk.frontdoor.triage.ThresholdAssessedUpcaster}
 * reads as revision 2.
 */
@Revision("2")
public record ThresholdAssessed(
        ChildId childId,
        ContactId contactId,
        Instant assessedAt,
        Threshold threshold,
        Completeness completeness) implements ChildEvent {

    /** Assessed with no referral standard applied: a contact no agency referred. */
    public ThresholdAssessed(ChildId childId, ContactId contactId, Instant assessedAt, Threshold threshold) {
        this(childId, contactId, assessedAt, threshold, null);
    }

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

    /**
     * A referral scored against the council's referral standard: of the elements the standard expects from this kind
     * of agency ({@code of}), how many the submission held ({@code met}), and each one it lacked, in the standard's
     * own words at that version.
     *
     * @param agencyType the census referral-source group whose list of elements applied, e.g. {@code POLICE}
     */
    public record Completeness(ReferralStandard standard, String agencyType, int met, int of, List<Gap> gaps) {

        public Completeness {
            gaps = gaps == null ? List.of() : List.copyOf(gaps);
        }

        /** Whole percent met, rounded down, so that 100 means nothing was missing. */
        public int percent() {
            return of == 0 ? 100 : met * 100 / of;
        }
    }

    public record ReferralStandard(String id, String version) {
    }

    /** An element of a good referral the submission lacked: its id in the standard, and what the standard asks. */
    public record Gap(String element, String description) {
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
