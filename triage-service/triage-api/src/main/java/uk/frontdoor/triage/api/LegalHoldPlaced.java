package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * A manager placed a legal hold on the child's record: it may not be erased, by request or by the retention
 * schedule, until the hold is lifted (ongoing proceedings, a child safeguarding practice review, an inquiry).
 *
 * @param holdId names the hold in refusals and in the lifting of it
 * @param reason the manager's words (a case number, the review's name); part of the child's record
 */
@Revision("1")
public record LegalHoldPlaced(ChildId childId, String holdId, Kind kind, @Personal String reason, Actor actor,
                              Instant at)
        implements ChildEvent {

    public enum Kind {
        /** Care, family or criminal proceedings under way or expected. */
        PROCEEDINGS,
        /** A child safeguarding practice review (local or national) or a serious case review. */
        PRACTICE_REVIEW,
        /** A public inquiry, a complaint or an ombudsman's investigation. */
        INQUIRY,
        /** Anything else that requires the record to be kept; the reason says what. */
        OTHER
    }

    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
