package uk.frontdoor.triage.child.decision;

import uk.frontdoor.rules.Flag;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactStatus;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.timeliness.Timekeeper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The worker proposes what should happen next; a different person, a manager, authorises it or
 * sends it back. Authorising decides the contact and may require a strategy discussion.
 */
public final class Proposals {

    private Proposals() {
    }

    public static List<ChildEvent> decide(ProposeDecision command, ChildState child, Timekeeper clocks) {
        ContactState contact = child.contact(command.contactId());
        Require.heldBy(contact, command.actor());
        if (contact.status() == ContactStatus.PROPOSED) {
            throw new TriageRefusedException(Refusal.PROPOSAL_PENDING);
        }
        if (contact.status() != ContactStatus.ASSESSED) {
            throw new TriageRefusedException(Refusal.NOT_ASSESSED);
        }
        if (contact.consent() == null) {
            throw new TriageRefusedException(Refusal.CONSENT_NOT_RECORDED);
        }
        List<String> checked = contact.agenciesChecked();
        Instant now = clocks.now();
        return List.of(new DecisionProposed(child.childId(), command.contactId(), command.outcome(),
                        command.rationale(), checked, checked.isEmpty(), command.actor(), now),
                clocks.start(child.childId(), contact.contactId(), contact.priority(), ClockType.MANAGER_AUTHORISATION,
                        null, clocks.plan(ClockType.MANAGER_AUTHORISATION, now)));
    }

    public static List<ChildEvent> decide(AuthoriseProposal command, ChildState child, Timekeeper clocks) {
        ContactState contact = awaitingManager(child, command.contactId(), command.actor(),
                "Only a manager authorises a decision.");
        Actor manager = command.actor();
        String proposedBy = contact.progress().proposedBy();
        if (manager.userId().equals(proposedBy)) {
            throw new TriageRefusedException(Refusal.OWN_PROPOSAL);
        }
        int level = contact.threshold().level();
        DecisionOutcome outcome = contact.progress().proposed();
        boolean belowThreshold = outcome.level() < level;
        String reason = Require.blankToNull(command.reason());
        if (belowThreshold && reason == null) {
            throw new TriageRefusedException(Refusal.BELOW_THRESHOLD_REASON_REQUIRED,
                    "The rules gave level " + level + "; " + outcome + " answers level "
                            + outcome.level() + ". Give the reason for stepping down.");
        }
        Instant now = clocks.now();
        List<ChildEvent> events = new ArrayList<>();
        events.add(new ProposalAuthorised(child.childId(), command.contactId(), outcome, proposedBy, level,
                belowThreshold, reason, belowThreshold, manager, now));
        events.addAll(clocks.done(child, contact.contactId(), now, now, ClockType.CONTACT_DECISION,
                ClockType.MANAGER_AUTHORISATION));
        // A partner's reply still awaited no longer holds up anything at the front door.
        events.addAll(clocks.stop(child, contact.contactId(), running -> running.type() == ClockType.PARTNER_CHECK,
                ClockStopped.Reason.NOT_NEEDED, now, now));
        events.add(clocks.start(child.childId(), contact.contactId(), contact.priority(), ClockType.FEEDBACK, null,
                clocks.plan(ClockType.FEEDBACK, now)));
        events.addAll(strategyDiscussion(child, contact, outcome, now, clocks));
        if (outcome == DecisionOutcome.ASSESSMENT) {
            // Working Together 2023: the child and family assessment within 45 working days of the point of
            // referral, which is when the contact that became the referral arrived, not when it was decided.
            events.add(clocks.start(child.childId(), contact.contactId(), contact.priority(), ClockType.ASSESSMENT,
                    null, clocks.plan(ClockType.ASSESSMENT, contact.receivedAt())));
        }
        return events;
    }

    public static List<ChildEvent> decide(ReturnProposal command, ChildState child, Timekeeper clocks) {
        ContactState contact = awaitingManager(child, command.contactId(), command.actor(),
                "Only a manager returns a proposal.");
        Instant now = clocks.now();
        List<ChildEvent> events = new ArrayList<>();
        events.add(new ProposalReturned(child.childId(), command.contactId(), command.reason(), command.actor(), now));
        events.addAll(clocks.done(child, contact.contactId(), now, now, ClockType.MANAGER_AUTHORISATION));
        return events;
    }

    private static ContactState awaitingManager(ChildState child, ContactId contactId,
                                                Actor actor, String onlyManagers) {
        ContactState contact = child.contact(contactId);
        Require.permitted(actor, StaffPermission.OVERSEE, onlyManagers);
        if (contact.status() != ContactStatus.PROPOSED) {
            throw new TriageRefusedException(contact.isDecided() ? Refusal.CONTACT_DECIDED : Refusal.NO_PROPOSAL);
        }
        return contact;
    }

    /** A section 47 decision, or the rules' flag, requires a strategy discussion, clocked by the RAG rating. */
    private static List<ChildEvent> strategyDiscussion(ChildState child, ContactState contact, DecisionOutcome outcome,
                                                       Instant now, Timekeeper clocks) {
        List<String> reasons = new ArrayList<>();
        if (outcome == DecisionOutcome.STRATEGY_DISCUSSION) {
            reasons.add(StrategyDiscussionRequired.SECTION_47_DECISION);
        }
        if (contact.threshold().flags().contains(Flag.STRATEGY_DISCUSSION_REQUIRED.name())) {
            reasons.add(StrategyDiscussionRequired.RULES_FLAGGED);
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        String discussionId = UUID.randomUUID().toString();
        return List.of(new StrategyDiscussionRequired(child.childId(), contact.contactId(), discussionId, reasons,
                        contact.priority(), now),
                clocks.start(child.childId(), contact.contactId(), contact.priority(), ClockType.STRATEGY_DISCUSSION,
                        discussionId, clocks.strategyDiscussion(contact.priority(), now)));
    }
}
