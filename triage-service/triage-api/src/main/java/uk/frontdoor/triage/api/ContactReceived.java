package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A contact joined the child's stream, exactly as submitted.
 *
 * <p>Revision 2 added {@code loggedBy}: the member of staff who logged a contact phoned in, or who
 * stepped the child up from early help; null for a partner system's submission. Revision 3 added
 * {@code corrects}: the contact whose submission this one corrects (the submission's own {@code corrects}
 * named it by the agency's submission id), null for none. Older events are read through
 * {@link uk.frontdoor.triage.ContactReceivedUpcaster}.
 */
@Revision("3")
public record ContactReceived(
        ChildId childId,
        ContactId contactId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission,
        Actor loggedBy,
        ContactId corrects) implements ChildEvent {

    /** A partner system's submission: no member of staff logged it, and it corrects nothing. */
    public ContactReceived(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel,
                           Instant receivedAt, ContactSubmission submission) {
        this(childId, contactId, agency, channel, receivedAt, submission, null, null);
    }

    /** A contact that corrects no earlier one. */
    public ContactReceived(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel,
                           Instant receivedAt, ContactSubmission submission, Actor loggedBy) {
        this(childId, contactId, agency, channel, receivedAt, submission, loggedBy, null);
    }
}
