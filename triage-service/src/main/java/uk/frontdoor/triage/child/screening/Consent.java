package uk.frontdoor.triage.child.screening;

import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ContactState;
import uk.frontdoor.triage.child.Require;

import java.time.Instant;
import java.util.List;

/** Whether the family consented to information being sought and shared, and why where the law asks. */
public final class Consent {

    private Consent() {
    }

    public static List<ChildEvent> decide(RecordConsent command, ChildState child, Instant now) {
        ContactState contact = child.contact(command.contactId());
        Require.undecided(contact);
        Require.field(command.decision(), "decision");
        switch (command.decision()) {
            case GIVEN, REFUSED -> Require.heldBy(contact, command.actor());
            case NOT_SOUGHT -> {
                Require.heldBy(contact, command.actor());
                Require.reason(command.reason(), "Say why consent was not sought.");
            }
            case REFUSAL_OVERRIDDEN -> {
                if (!command.actor().role().may(StaffPermission.OVERSEE)) {
                    throw new TriageRefusedException(Refusal.MANAGER_AUTHORISATION_REQUIRED,
                            "Only a manager may override a refusal of consent.");
                }
                if (contact.consent() != ConsentRecorded.Decision.REFUSED) {
                    throw new TriageRefusedException(Refusal.CONSENT_NOT_REFUSED);
                }
                Require.reason(command.reason(), "Say why the refusal is overridden.");
            }
        }
        return List.of(new ConsentRecorded(child.childId(), command.contactId(), command.decision(),
                Require.blankToNull(command.reason()), command.actor(), now));
    }
}
