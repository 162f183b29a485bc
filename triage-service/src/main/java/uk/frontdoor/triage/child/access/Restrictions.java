package uk.frontdoor.triage.child.access;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.RecordRestricted;
import uk.frontdoor.triage.api.RecordUnrestricted;
import uk.frontdoor.triage.api.command.RestrictRecord;
import uk.frontdoor.triage.api.command.UnrestrictRecord;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffDirectory;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.Require;

import java.time.Instant;
import java.util.List;

/**
 * Sealing a record: a manager restricts a child's record, or one contact in it, to named staff and teams,
 * and lifts the restriction again, each with a reason. Restricting what is already restricted is allowed:
 * it says afresh who may read it (someone joins the Prevent team, the allocated worker changes).
 */
public final class Restrictions {

    private Restrictions() {
    }

    /** Everyone named must be someone the service knows, and every team one it knows: a typing slip seals a record from its worker. */
    public static List<ChildEvent> decide(RestrictRecord command, ChildState child, Instant now, StaffDirectory staff) {
        permitted(command.actor());
        named(command.contactId(), child);
        command.staff().forEach(name -> staff.known(name, "staff"));
        command.teams().stream().filter(team -> !staff.isTeam(team)).findFirst().ifPresent(team -> {
            throw new TriageRefusedException(Refusal.UNKNOWN_TEAM, "teams",
                    "teams names a team the front door does not know.");
        });
        return List.of(new RecordRestricted(child.childId(), command.contactId(), command.category(),
                command.reason().strip(), command.staff(), command.teams(), command.actor(), now));
    }

    public static List<ChildEvent> decide(UnrestrictRecord command, ChildState child, Instant now) {
        permitted(command.actor());
        named(command.contactId(), child);
        if (!child.isRestricted(command.contactId())) {
            throw new TriageRefusedException(Refusal.NOT_RESTRICTED, command.contactId() == null
                    ? "The child's record is not restricted." : "This contact is not restricted on its own.");
        }
        return List.of(new RecordUnrestricted(child.childId(), command.contactId(), command.reason().strip(),
                command.actor(), now));
    }

    private static void permitted(uk.frontdoor.triage.api.value.Actor actor) {
        Require.permitted(actor, StaffPermission.RESTRICT, "Only managers restrict a record or lift a restriction.");
    }

    /** A contact named must be this child's; a record never seen has nothing to restrict. */
    private static void named(uk.frontdoor.triage.api.value.ContactId contactId, ChildState child) {
        if (contactId != null) {
            child.contact(contactId);
        } else if (child.contacts().isEmpty()) {
            throw new TriageRefusedException(Refusal.UNKNOWN_CONTACT);
        }
    }
}
