package uk.frontdoor.triage.api;

import uk.frontdoor.triage.api.value.Personal;

import org.axonframework.serialization.Revision;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import java.time.Instant;

/** A manager lifted a legal hold: the record may be erased again, if nothing else holds it. */
@Revision("1")
public record LegalHoldLifted(ChildId childId, String holdId, @Personal String reason, Actor actor, Instant at)
        implements ChildEvent {
}
