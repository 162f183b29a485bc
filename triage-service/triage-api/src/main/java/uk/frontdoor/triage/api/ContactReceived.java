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
 * stepped the child up from early help; null for a partner system's submission. Revision 1 events
 * are read through {@link uk.frontdoor.triage.ContactReceivedUpcaster}.
 */
@Revision("2")
public record ContactReceived(
        ChildId childId,
        ContactId contactId,
        AgencyCode agency,
        Channel channel,
        Instant receivedAt,
        ContactSubmission submission,
        Actor loggedBy) implements ChildEvent {

    /** A partner system's submission: no member of staff logged it. */
    public ContactReceived(ChildId childId, ContactId contactId, AgencyCode agency, Channel channel,
                           Instant receivedAt, ContactSubmission submission) {
        this(childId, contactId, agency, channel, receivedAt, submission, null);
    }
}
