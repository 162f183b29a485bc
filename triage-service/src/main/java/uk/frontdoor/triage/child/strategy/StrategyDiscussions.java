package uk.frontdoor.triage.child.strategy;

import uk.frontdoor.triage.api.value.StrategyActionReference;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;
import uk.frontdoor.triage.child.timeliness.Timekeeper;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The strategy discussion a decision required: convened with the agencies invited, then recorded as
 * held, which may start a section 47 enquiry and with it the initial conference's clock.
 */
public final class StrategyDiscussions {

    private StrategyDiscussions() {
    }

    public static List<ChildEvent> decide(ConveneStrategyDiscussion command, ChildState child, TriagePolicy policy,
                                          Instant now) {
        ContactState contact = open(child, command.contactId(), command.actor());
        Require.field(command.plannedAt(), "plannedAt");
        Require.notBefore(command.plannedAt(), contact.receivedAt(), "plannedAt", "the contact arrived");
        if (command.invitedAgencies() == null || command.invitedAgencies().isEmpty()) {
            throw new TriageRefusedException(Refusal.AGENCY_REQUIRED, "Invite the agencies that should attend.");
        }
        for (int i = 0; i < command.invitedAgencies().size(); i++) {
            if (!policy.isAgency(command.invitedAgencies().get(i))) {
                throw new TriageRefusedException(Refusal.UNKNOWN_AGENCY,
                        "invitedAgencies[" + i + "] is not a configured agency.");
            }
        }
        return List.of(new StrategyDiscussionConvened(child.childId(), command.contactId(),
                contact.strategyDiscussionId(), command.plannedAt(),
                List.copyOf(new LinkedHashSet<>(command.invitedAgencies())), command.actor(), now));
    }

    public static List<ChildEvent> decide(RecordStrategyDiscussion command, ChildState child, TriagePolicy policy,
                                          Timekeeper clocks) {
        ContactState contact = open(child, command.contactId(), command.actor());
        Require.field(command.heldAt(), "heldAt");
        Instant now = clocks.now();
        Require.during(command.heldAt(), contact, now, "heldAt");
        Require.field(command.mode(), "mode");
        Require.field(command.outcome(), "outcome");
        Set<String> present = agenciesPresent(command.attendees(), policy);
        List<StrategyDiscussionHeld.Action> actions = command.actions() == null ? List.of() : command.actions();
        for (int i = 0; i < actions.size(); i++) {
            var action = actions.get(i);
            if (action == null || action.dueDate() == null || Require.blankToNull(action.owner()) == null
                    || Require.blankToNull(action.description()) == null || !policy.isAgency(action.agency())) {
                throw new TriageRefusedException(Refusal.ACTION_DUE_DATE_REQUIRED,
                        "actions[" + i + "] needs a description, an owner, a configured agency and a due date.");
            }
        }
        List<String> flags = new ArrayList<>();
        if (!present.contains(TriagePolicy.HEALTH)) {
            flags.add(StrategyDiscussionHeld.HEALTH_ABSENT);
        }
        if (Set.of(TriagePolicy.POLICE, TriagePolicy.SOCIAL_CARE).containsAll(present)) {
            flags.add(StrategyDiscussionHeld.POLICE_AND_SOCIAL_CARE_ONLY);
        }
        // Working Together 2023: the initial conference within 15 working days of the strategy
        // discussion that started the section 47 enquiry.
        Instant conferenceDueAt = command.outcome() == StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY
                ? policy.calendar().plusWorkingDays(command.heldAt(), 15)
                : null;
        List<ChildEvent> events = new ArrayList<>();
        events.add(new StrategyDiscussionHeld(child.childId(), command.contactId(), contact.strategyDiscussionId(),
                command.heldAt(), command.mode(), List.copyOf(command.attendees()), command.outcome(),
                Require.blankToNull(command.summary()), List.copyOf(actions), flags, conferenceDueAt,
                command.actor(), now));
        events.addAll(clocks.done(child, contact.contactId(), command.heldAt(), now, ClockType.STRATEGY_DISCUSSION));
        if (conferenceDueAt != null) {
            events.add(clocks.start(child.childId(), contact.contactId(), contact.priority(),
                    ClockType.INITIAL_CONFERENCE, contact.strategyDiscussionId(),
                    clocks.planInWorkingTime(command.heldAt(), conferenceDueAt)));
        }
        // Each action is a duty of its owning agency, clocked to its due date: the records Ofsted read "lack
        // timescales for actions", and an action with one was then never followed up.
        for (int i = 0; i < actions.size(); i++) {
            var action = actions.get(i);
            events.add(clocks.start(child.childId(), contact.contactId(), contact.priority(),
                    ClockType.STRATEGY_ACTION, actionReference(contact.strategyDiscussionId(), i + 1), action.agency(),
                    clocks.planInWorkingTime(command.heldAt(), clocks.endOfOfficeDay(action.dueDate()))));
        }
        return events;
    }

    /** How a strategy action's clock names it: the discussion and the action's number in its record (1, 2 …). */
    public static String actionReference(String discussionId, int action) {
        return StrategyActionReference.of(discussionId, action);
    }

    private static ContactState open(ChildState child, ContactId contactId, Actor actor) {
        ContactState contact = child.contact(contactId);
        Require.screener(actor);
        if (contact.strategyDiscussionId() == null) {
            throw new TriageRefusedException(Refusal.STRATEGY_DISCUSSION_NOT_REQUIRED);
        }
        if (contact.protection().strategyDiscussionHeld()) {
            throw new TriageRefusedException(Refusal.STRATEGY_DISCUSSION_ALREADY_RECORDED);
        }
        return contact;
    }

    private static Set<String> agenciesPresent(List<StrategyDiscussionHeld.Attendee> attendees, TriagePolicy policy) {
        if (attendees == null || attendees.isEmpty()) {
            throw new TriageRefusedException(Refusal.ATTENDEES_REQUIRED);
        }
        Set<String> present = new LinkedHashSet<>();
        for (int i = 0; i < attendees.size(); i++) {
            var attendee = attendees.get(i);
            if (attendee == null || !policy.isAgency(attendee.agency())) {
                throw new TriageRefusedException(Refusal.UNKNOWN_AGENCY,
                        "attendees[" + i + "] has no configured agency.");
            }
            if (Require.blankToNull(attendee.role()) == null) {
                throw new TriageRefusedException(Refusal.FIELD_REQUIRED, "attendees[" + i + "] has no role.");
            }
            present.add(attendee.agency());
        }
        return present;
    }
}
