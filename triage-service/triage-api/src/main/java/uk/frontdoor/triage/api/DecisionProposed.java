package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/** A worker proposed a decision. {@code agenciesChecked} are the partners whose replies it rests on; with none, it was made on social care information alone and is flagged. */
@Revision("1")
public record DecisionProposed(ChildId childId, ContactId contactId, DecisionOutcome outcome, @Personal String rationale, List<String> agenciesChecked, boolean socialCareInformationOnly, Actor actor, Instant at) implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
