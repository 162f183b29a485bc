package uk.frontdoor.triage.child.screening;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.command.ReleaseContact;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;

import java.time.Instant;
import java.util.List;

/** One worker holds a contact at a time, from claim to decision or release. */
public final class Claims {

    private Claims() {
    }

    public static List<ChildEvent> decide(ClaimContact command, ChildState child, Instant now) {
        ContactState contact = child.contact(command.contactId());
        Require.screener(command.actor());
        Require.undecided(contact);
        if (command.actor().userId().equals(contact.heldBy())) {
            return List.of(); // already theirs: a repeated click changes nothing
        }
        if (contact.heldBy() != null) {
            throw Require.heldByAnother(contact);
        }
        return List.of(new ContactClaimed(child.childId(), command.contactId(), command.actor(), now));
    }

    public static List<ChildEvent> decide(ReleaseContact command, ChildState child, Instant now) {
        ContactState contact = child.contact(command.contactId());
        Require.screener(command.actor());
        if (contact.heldBy() == null) {
            throw new TriageRefusedException(Refusal.CLAIM_REQUIRED, "Nobody holds this contact.");
        }
        // A manager may take a contact back from a worker who is away.
        if (!contact.heldBy().equals(command.actor().userId())
                && !command.actor().role().may(StaffPermission.OVERSEE)) {
            throw Require.heldByAnother(contact);
        }
        return List.of(new ContactReleased(child.childId(), command.contactId(), contact.heldBy(), command.actor(),
                now));
    }
}
