package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A manager lifted a restriction: the record, or the one contact, is read by all who may read records again.
 *
 * @param contactId the contact whose restriction was lifted; null for the whole record's
 */
@Revision("1")
public record RecordUnrestricted(ChildId childId, ContactId contactId, @Personal String reason, Actor actor, Instant at)
        implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
