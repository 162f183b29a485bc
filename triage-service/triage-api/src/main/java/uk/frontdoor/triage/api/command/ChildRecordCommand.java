package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

/**
 * A member of staff's command on a child's record (and, for most, one contact in it). Staff a restricted
 * record is withheld from may not act on it either: acting on a record is reading it.
 */
public interface ChildRecordCommand {

    ChildId childId();

    Actor actor();

    /** The contact acted on; null for a command on the record as a whole. */
    default ContactId contactId() {
        return null;
    }
}
