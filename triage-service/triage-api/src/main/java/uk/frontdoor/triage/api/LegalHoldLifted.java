package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/** A manager lifted a legal hold: the record may be erased again, if nothing else holds it. */
@Revision("1")
public record LegalHoldLifted(ChildId childId, String holdId, @Personal String reason, Actor actor, Instant at)
        implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
