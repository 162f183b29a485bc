package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The child and family assessment that a decision of ASSESSMENT started was completed (Working Together 2023:
 * within 45 working days of the referral; the reasons recorded when it took longer).
 *
 * @param completedAt when the assessment was completed (authorised), which stops its clock
 * @param lateReason  why it took longer than its time, when it did; otherwise null
 */
@Revision("1")
public record AssessmentCompleted(ChildId childId, ContactId contactId, Instant completedAt, Outcome outcome,
                                  @Personal String summary, @Personal String lateReason, Actor actor, Instant at) implements ChildEvent {

    /** What the assessment concluded (the DfE census's outcomes of an assessment, in short). */
    public enum Outcome {
        NO_FURTHER_ACTION,
        EARLY_HELP,
        CHILD_IN_NEED_PLAN,
        STRATEGY_DISCUSSION
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
