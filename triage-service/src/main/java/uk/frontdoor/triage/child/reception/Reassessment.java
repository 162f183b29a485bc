package uk.frontdoor.triage.child.reception;

import uk.frontdoor.rules.ThresholdDecision;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.LinkedContact;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The child's open contacts assessed again when the history under them changes: a record linked to
 * theirs brings its contacts into the count, an undone link takes them out (issue 13). Each contact is
 * assessed on its own facts, as at its receipt, by the rule set in force then, against the history
 * as it now stands.
 *
 * <ul>
 *   <li>Due times are never brought earlier than they already were: the history was found after the
 *       contact came in, and a worker is not put in breach of a time that was never theirs. The running
 *       clocks stay as they are.</li>
 *   <li>A RAG rating a worker changed, with their rationale, stands: only a rating the rules set is
 *       replaced by the rules' new one.</li>
 * </ul>
 */
public final class Reassessment {

    private Reassessment() {
    }

    /** Reassessed: every open contact of the child, once the link to {@code otherRecord} is made or undone. */
    public static List<ChildEvent> ofOpenContacts(ChildState child, List<LinkedContact> linked, ThresholdEngine rules,
                                                  Instant now, ThresholdReassessed.Cause cause, ChildId otherRecord) {
        return child.contacts().values().stream()
                .filter(contact -> !contact.isDecided() && contact.threshold() != null)
                .sorted(Comparator.comparing(ContactState::receivedAt))
                .map(contact -> (ChildEvent) new ThresholdReassessed(child.childId(), contact.contactId(), now,
                        reassessed(contact, rules.decide(contact.facts(),
                                RuleFacts.history(child, linked, contact.facts()))),
                        contact.threshold().level(), contact.priority(), cause, otherRecord))
                .toList();
    }

    private static ThresholdAssessed.Threshold reassessed(ContactState contact, ThresholdDecision decision) {
        ThresholdAssessed.Threshold before = contact.threshold();
        ThresholdAssessed.Threshold after = RuleFacts.threshold(decision);
        boolean workerRated = contact.priority() != before.priority();
        return new ThresholdAssessed.Threshold(after.level(), workerRated ? contact.priority() : after.priority(),
                later(before.responseDueAt(), after.responseDueAt()), later(before.decisionDueAt(), after.decisionDueAt()),
                after.flags(), after.ruleSet(), after.rulesFired());
    }

    private static Instant later(Instant before, Instant after) {
        if (before == null) {
            return after;
        }
        return after == null || after.isBefore(before) ? before : after;
    }
}
