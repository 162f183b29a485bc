package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;
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
}
