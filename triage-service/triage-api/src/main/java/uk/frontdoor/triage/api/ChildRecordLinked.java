package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** This record and another were found to be one child and linked; each chronology shows both. */
@Revision("1")
public record ChildRecordLinked(ChildId childId, ChildId linkedChildId, @Personal String reason, Actor actor, Instant at)
        implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
