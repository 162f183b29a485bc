package uk.frontdoor.triage.api.query;

import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The strategy discussion actions given to one agency: what to do, by when, and the child it concerns (as the
 * referrer described them, to find the child in the agency's own systems). Never the concern, the discussion's
 * summary or anything else of the record: the agency does its action, it does not read the record.
 */
public record PartnerActions(List<Action> actions) {

    public PartnerActions {
        actions = List.copyOf(actions);
    }

    /**
     * @param discussionId the strategy discussion that agreed it
     * @param action       its number in the discussion's record, 1 for the first
     * @param childId      the child's record, for the front door's routing of "done"; never shown to a partner
     * @param contactId    the contact, likewise
     * @param dueDate      the date the discussion gave
     * @param dueAt        when its clock falls due (the office's close on that date); null until the clock is seen
     * @param doneAt       when it was done, as recorded; null while open
     * @param doneBy       who recorded it done (a sign-in name); null while open
     */
    public record Action(String discussionId, int action, ChildId childId, ContactId contactId, String agency,
                         String description, String owner, LocalDate dueDate, Instant dueAt, Instant heldAt,
                         Instant doneAt, String note, String doneBy, PartnerRequests.Subject child) {

        public boolean open() {
            return doneAt == null;
        }

        /** The action's id on the partner pages and API: the discussion's id and the action's number. */
        public String actionId() {
            return discussionId + "-" + action;
        }
    }
}
