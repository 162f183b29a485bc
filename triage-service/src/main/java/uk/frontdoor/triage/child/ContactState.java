package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.rules.ContactFacts;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.child.reception.RuleFacts;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What the child's stream remembers of one contact, for the rules and the commands that follow it.
 * Immutable: {@link ChildEvolution} makes a new one for each event. Grouped by the stage of the work
 * that changes each part, so no record needs more than a handful of fields.
 *
 * @param possibleMatches ids of children a person has still to rule in or out
 */
public record ContactState(ContactId contactId, ContactFacts facts, Screening screening, Progress progress,
                           Protection protection, Set<String> possibleMatches) {

    static ContactState received(ContactReceived event) {
        // The rules' facts of the contact, kept so the contact can be assessed again (records linked or unlinked).
        return new ContactState(event.contactId(), RuleFacts.of(event.submission(), event.receivedAt()),
                new Screening(null, null, null, null, Map.of()),
                new Progress(ContactStatus.RECEIVED, null, null, null, null),
                new Protection(null, false, null, null), Set.of());
    }

    public Instant receivedAt() {
        return facts.receivedAt();
    }

    public Set<String> factors() {
        return facts.factors();
    }

    public Set<String> indicators() {
        return facts.indicators();
    }

    /**
     * The rules' view and the screening worker's.
     *
     * @param heldBy sign-in name of the worker holding the contact, or null
     * @param checks partner checks by id, in the order they were asked
     */
    public record Screening(ThresholdAssessed.Threshold threshold, ThresholdAssessed.Priority priority, String heldBy,
                            ConsentRecorded.Decision consent, Map<String, PartnerCheck> checks) {
        Screening assessed(ThresholdAssessed.Threshold assessed) {
            return new Screening(assessed, assessed.priority(), heldBy, consent, checks);
        }

        Screening prioritised(ThresholdAssessed.Priority changed) {
            return new Screening(threshold, changed, heldBy, consent, checks);
        }

        Screening heldBy(String worker) {
            return new Screening(threshold, priority, worker, consent, checks);
        }

        Screening consented(ConsentRecorded.Decision decision) {
            return new Screening(threshold, priority, heldBy, decision, checks);
        }

        Screening checks(UnaryOperator<Map<String, PartnerCheck>> change) {
            return new Screening(threshold, priority, heldBy, consent, change.apply(checks));
        }
    }

    /** Where the contact stands on its way to a decision. */
    public record Progress(ContactStatus status, DecisionOutcome proposed, String proposedBy, DecisionOutcome outcome,
                           Instant decidedAt) {
    }

    /**
     * The child protection work a decision may start.
     *
     * @param conferenceDueAt set when a strategy discussion started a section 47 enquiry; the conference is then due
     */
    public record Protection(String strategyDiscussionId, boolean strategyDiscussionHeld, Instant conferenceDueAt,
                             InitialConferenceHeld.Outcome conferenceOutcome) {
    }

    public record PartnerCheck(String agency, Instant dueAt, boolean answered) {
    }

    public ContactStatus status() {
        return progress.status();
    }

    public ThresholdAssessed.Threshold threshold() {
        return screening.threshold();
    }

    public ThresholdAssessed.Priority priority() {
        return screening.priority();
    }

    public String heldBy() {
        return screening.heldBy();
    }

    public ConsentRecorded.Decision consent() {
        return screening.consent();
    }

    public Map<String, PartnerCheck> checks() {
        return screening.checks();
    }

    public DecisionOutcome outcome() {
        return progress.outcome();
    }

    public Instant decidedAt() {
        return progress.decidedAt();
    }

    public String strategyDiscussionId() {
        return protection.strategyDiscussionId();
    }

    public boolean isDecided() {
        return progress.status() == ContactStatus.DECIDED;
    }

    /** Agencies whose replies the decision can rest on. */
    public List<String> agenciesChecked() {
        return checks().values().stream().filter(PartnerCheck::answered).map(PartnerCheck::agency).distinct().toList();
    }

    ContactState with(Screening changed) {
        return new ContactState(contactId, facts, changed, progress, protection,
                possibleMatches);
    }

    ContactState with(Progress changed) {
        return new ContactState(contactId, facts, screening, changed, protection,
                possibleMatches);
    }

    ContactState with(Protection changed) {
        return new ContactState(contactId, facts, screening, progress, changed,
                possibleMatches);
    }

    ContactState withPossibleMatches(Set<String> changed) {
        return new ContactState(contactId, facts, screening, progress, protection, changed);
    }
}
