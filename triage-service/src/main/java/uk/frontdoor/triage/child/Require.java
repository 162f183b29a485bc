package uk.frontdoor.triage.child;

import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.StaffPermission;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.Actor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The rules more than one decision shares, each refusing with its code. */
public final class Require {

    private Require() {
    }

    /** The role rules are {@link StaffPermission}'s; this says why a role is refused here. */
    public static void permitted(Actor actor, StaffPermission permission, String detail) {
        if (!actor.role().may(permission)) {
            throw new TriageRefusedException(Refusal.ROLE_NOT_ALLOWED, detail);
        }
    }

    public static void screener(Actor actor) {
        permitted(actor, StaffPermission.SCREEN, "Only qualified social workers and managers screen contacts.");
    }

    /** System managers run the service and never touch a child's record, whatever the page or API allows. */
    public static void casework(Actor actor) {
        permitted(actor, StaffPermission.CASEWORK, "System managers do not work on children's records.");
    }

    public static void undecided(ContactState contact) {
        if (contact.isDecided()) {
            throw new TriageRefusedException(Refusal.CONTACT_DECIDED);
        }
    }

    /** Screening work is done by the one worker who holds the contact. */
    public static void heldBy(ContactState contact, Actor actor) {
        screener(actor);
        undecided(contact);
        if (contact.heldBy() == null) {
            throw new TriageRefusedException(Refusal.CLAIM_REQUIRED);
        }
        if (!contact.heldBy().equals(actor.userId())) {
            throw heldByAnother(contact);
        }
    }

    public static TriageRefusedException heldByAnother(ContactState contact) {
        return new TriageRefusedException(Refusal.CLAIMED_BY_ANOTHER, "Held by " + contact.heldBy() + ".");
    }

    public static void reason(String reason, String detail) {
        if (blankToNull(reason) == null) {
            throw new TriageRefusedException(Refusal.REASON_REQUIRED, detail);
        }
    }

    public static void past(Instant time, Instant now, String field) {
        if (time.isAfter(now)) {
            throw new TriageRefusedException(Refusal.TIME_IN_FUTURE, field, field + " is later than now.");
        }
    }

    /**
     * A meeting held or feedback sent for a contact happened between the contact's arrival and now: a
     * time before the contact is a typing slip, and would make its clock look met before it started.
     */
    public static void during(Instant time, ContactState contact, Instant now, String field) {
        past(time, now, field);
        notBefore(time, contact.receivedAt(), field, "the contact arrived");
    }

    /**
     * Times are entered on the pages to the minute: a time in the minute the contact arrived (or the duty
     * arose) is taken as not before it.
     */
    public static void notBefore(Instant time, Instant earliest, String field, String event) {
        if (time.isBefore(earliest.truncatedTo(ChronoUnit.MINUTES))) {
            throw new TriageRefusedException(Refusal.TIME_TOO_EARLY, field, field + " is before " + event + ".");
        }
    }

    public static void field(Object value, String field) {
        if (value == null) {
            throw new TriageRefusedException(Refusal.FIELD_REQUIRED, field, field + " is required.");
        }
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
