package uk.frontdoor.triage.api.staff;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.Collection;

/**
 * The record of who looked at which child's record: every read of a child's personal data, by page or
 * endpoint, is recorded before the answer is sent, so that nothing is shown unrecorded (a failure to
 * record fails the request).
 */
public interface ViewLog {

    /**
     * @param contact the contact looked at, if the view was of one
     * @param what    the page or endpoint, e.g. {@code contact (API)}: written by the code, never from the record
     */
    void record(ChildId child, ContactId contact, Actor viewer, String what);

    /** Many children shown at once, such as a page of the queue: one row each, in one statement. */
    void recordAll(Collection<Viewed> shown, Actor viewer, String what);

    /**
     * Shown to a partner agency's own system (its API key), not to a member of staff: recorded as the agency, with
     * the role {@code PARTNER_SYSTEM}.
     */
    void recordForAgency(Collection<Viewed> shown, String agency, String what);

    /** A child, and the contact about them, shown among others. */
    record Viewed(ChildId child, ContactId contact) {
    }
}
