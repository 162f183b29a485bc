package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

/** A second manager authorises the erasure another manager requested: the record's personal data is erased. */
public record AuthoriseErasure(@TargetAggregateIdentifier ChildId childId, Actor actor) {
}
