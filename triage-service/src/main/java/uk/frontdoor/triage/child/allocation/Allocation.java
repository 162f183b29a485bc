package uk.frontdoor.triage.child.allocation;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.command.AllocateWork;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;

import java.time.Instant;
import java.util.List;

/**
 * Allocation: once the front door has decided, a manager gives the work that follows to a team and a named
 * worker in it, so that someone owns it. A decided contact is allocated (the assessment, early help or advice
 * that follows); a strategy discussion is allocated once the contact requires one, decided or not, because a
 * red discussion is due the same working day. Allocating again hands the work on.
 */
public final class Allocation {

    private Allocation() {
    }

    public static List<ChildEvent> decide(AllocateWork command, ChildState child, Instant now, StaffDirectory staff) {
        Require.permitted(command.actor(), StaffPermission.OVERSEE, "Only managers allocate work.");
        ContactState contact = child.contact(command.contactId());
        switch (command.work()) {
            case CONTACT -> {
                if (!contact.isDecided()) {
                    throw new TriageRefusedException(Refusal.NOT_DECIDED,
                            "A contact is allocated once a manager has authorised its decision.");
                }
            }
            case STRATEGY_DISCUSSION -> {
                if (contact.strategyDiscussionId() == null) {
                    throw new TriageRefusedException(Refusal.STRATEGY_DISCUSSION_NOT_REQUIRED);
                }
            }
        }
        if (!staff.isTeam(command.team())) {
            throw new TriageRefusedException(Refusal.UNKNOWN_TEAM, "team", "team is not a team the front door knows.");
        }
        StaffDirectory.Member worker = staff.known(command.worker(), "worker");
        if (!worker.role().screens()) {
            throw new TriageRefusedException(Refusal.UNKNOWN_STAFF, "worker",
                    "worker is not a social worker or manager: only they take on casework.");
        }
        if (!worker.teams().contains(command.team())) {
            throw new TriageRefusedException(Refusal.UNKNOWN_STAFF, "worker",
                    "worker is not a member of the team the work is allocated to.");
        }
        return List.of(new WorkAllocated(child.childId(), command.contactId(), command.work(), command.team(),
                worker.userId(), command.note(), command.actor(), now));
    }
}
