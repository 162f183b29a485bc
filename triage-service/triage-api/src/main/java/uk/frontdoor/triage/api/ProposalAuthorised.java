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

/** A manager authorised the proposal: the contact is decided. An outcome below the rules' level is a step-down, kept with the manager's reason and marked for audit sampling. */
@Revision("1")
public record ProposalAuthorised(ChildId childId, ContactId contactId, DecisionOutcome outcome, String proposedBy, int thresholdLevel, boolean belowThreshold, @Personal String reason, boolean auditSample, Actor actor, Instant at) implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
