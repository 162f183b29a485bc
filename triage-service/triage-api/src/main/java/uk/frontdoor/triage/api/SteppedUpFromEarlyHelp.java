package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Early help stepped the child up to children's social care. The new contact that follows carries
 * the early-help history: the decision that opened early help and what early help did and found.
 */
@Revision("1")
public record SteppedUpFromEarlyHelp(ChildId childId, ContactId contactId, ContactId earlyHelpContactId,
                                     Instant earlyHelpDecidedAt, @Personal String earlyHelpSummary, @Personal String reason, Actor actor,
                                     Instant at) implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
