package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The initial child protection conference that followed a section 47 enquiry was held. */
@Revision("1")
public record InitialConferenceHeld(ChildId childId, ContactId contactId, String discussionId, Instant heldAt,
                                    Outcome outcome, @Personal String summary, Actor actor, Instant at) implements ChildEvent {

    public enum Outcome {
        CHILD_PROTECTION_PLAN,
        NO_PLAN
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
