package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
import uk.frontdoor.triage.api.value.PersonalData;
import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * A link between two records was wrong: they are two children after all. The histories separate
 * again: each chronology stops showing the other's, and the rules stop counting it. Recorded on both
 * streams, with who found the link wrong and why.
 */
@Revision("1")
public record ChildRecordUnlinked(ChildId childId, ChildId unlinkedChildId, @Personal String reason, Actor actor, Instant at)
        implements ChildEvent {
    /** Withholds the child's personal data: a message printed in a log or a test's output shows none of it. */
    @Override
    public String toString() {
        return PersonalData.withheld(this);
    }
}
