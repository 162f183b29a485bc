package uk.frontdoor.triage.child.identity;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who the child is: a person rules a possible match in or out (never the system), and records found
 * to be one child are linked, so each chronology shows both histories.
 */
public final class Identity {

    private Identity() {
    }

    public static List<ChildEvent> decide(RecordMatchDecision command, ChildState child) {
        ResolvePossibleMatch decision = command.decision();
        ContactState contact = child.contact(decision.contactId());
        Require.screener(decision.actor());
        if (contact.possibleMatches().isEmpty()) {
            throw new TriageRefusedException(Refusal.NO_POSSIBLE_MATCH);
        }
        if (decision.candidate() == null || !contact.possibleMatches().contains(decision.candidate().value())) {
            throw new TriageRefusedException(Refusal.NOT_A_CANDIDATE);
        }
        return List.of(new PossibleMatchResolved(child.childId(), decision.contactId(), decision.candidate(),
                decision.sameChild(), decision.reason(), decision.actor(), command.at()));
    }

    /**
     * Links this side and assesses its open contacts again against both histories ({@code history} answers
     * for the records this one is linked to, the new link included).
     */
    public static List<ChildEvent> decide(LinkRecord command, ChildState child, Reassess history) {
        if (command.confirmingMatch() && child.isLinkedTo(command.otherChildId())) {
            return List.of(); // confirmed before, or linked by hand: the link stands
        }
        Require.screener(command.actor());
        if (command.otherChildId().equals(child.childId())) {
            throw new TriageRefusedException(Refusal.SAME_CHILD);
        }
        if (child.isLinkedTo(command.otherChildId())) {
            throw new TriageRefusedException(Refusal.ALREADY_LINKED);
        }
        Require.reason(command.reason(), "Say why the records are one child.");
        List<ChildEvent> events = new ArrayList<>();
        events.add(new ChildRecordLinked(child.childId(), command.otherChildId(), command.reason(), command.actor(),
                command.at()));
        events.addAll(history.openContacts(child, child.linksWith(command.otherChildId(), true), command.at(),
                ThresholdReassessed.Cause.RECORDS_LINKED, command.otherChildId()));
        return events;
    }

    /** Undoes this side of a wrong link and assesses its open contacts again without the other's history. */
    public static List<ChildEvent> decide(UnlinkRecord command, ChildState child, Reassess history) {
        Require.screener(command.actor());
        if (command.otherChildId().equals(child.childId())) {
            throw new TriageRefusedException(Refusal.SAME_CHILD);
        }
        if (!child.isLinkedTo(command.otherChildId())) {
            throw new TriageRefusedException(Refusal.NOT_LINKED);
        }
        Require.reason(command.reason(), "Say why the records are not one child.");
        List<ChildEvent> events = new ArrayList<>();
        events.add(new ChildRecordUnlinked(child.childId(), command.otherChildId(), command.reason(),
                command.actor(), command.at()));
        events.addAll(history.openContacts(child, child.linksWith(command.otherChildId(), false), command.at(),
                ThresholdReassessed.Cause.RECORDS_UNLINKED, command.otherChildId()));
        return events;
    }

    /** Assesses a child's open contacts again against the histories of the records it is linked to. */
    @FunctionalInterface
    public interface Reassess {
        List<ChildEvent> openContacts(ChildState child, Set<ChildId> linkedRecords, Instant at,
                                      ThresholdReassessed.Cause cause, ChildId otherRecord);
    }
}
