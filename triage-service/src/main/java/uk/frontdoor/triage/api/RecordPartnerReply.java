package uk.frontdoor.triage.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record what an agency said in reply to a partner check. */
public record RecordPartnerReply(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String checkId, String information, Actor actor) {
}
