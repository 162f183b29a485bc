package uk.frontdoor.triage.api;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/**
 * A second manager authorised the erasure requested (four eyes), or the retention schedule erased a record the
 * council lets it erase on its own: from here the child's personal data is removed from every read model and
 * search table, and no command is taken on the record. The decision itself stays, with no personal data in it, so
 * that the council can show what it erased, when, under which law and on whose authority.
 *
 * @param requestedBy who decided (a manager, or the retention schedule)
 * @param actor       who authorised (a different manager, or the retention schedule when it erases on its own)
 */
@Revision("1")
public record ChildErased(ChildId childId, ErasureRequested.Reason reason, ErasureRequested.LegalBasis legalBasis,
                          String reference, Actor requestedBy, Actor actor, Instant at) implements ChildEvent {
}
