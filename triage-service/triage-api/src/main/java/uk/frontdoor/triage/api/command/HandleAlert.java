package uk.frontdoor.triage.api.command;

import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A duty manager acts on an open warning or breach (the alert's id is its clock's id).
 *
 * @param action ACKNOWLEDGE (needs {@code note}), ASSIGN (needs {@code assignee}) or ESCALATE (needs
 *               {@code escalateTo} and {@code note} as the reason)
 */
public record HandleAlert(@TargetAggregateIdentifier ChildId childId, String clockId, Action action, String note,
                          String assignee, String escalateTo, Actor actor) {

    public enum Action {
        ACKNOWLEDGE,
        ASSIGN,
        ESCALATE
    }
}
