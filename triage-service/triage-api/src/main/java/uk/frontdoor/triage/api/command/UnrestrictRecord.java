package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

/**
 * A manager lifts a restriction from a child's record, or from one contact in it.
 *
 * @param contactId the contact whose restriction is lifted; null for the whole record's
 */
public record UnrestrictRecord(@TargetAggregateIdentifier ChildId childId, ContactId contactId, String reason,
                               Actor actor) {
    public UnrestrictRecord {
        Invariants.text(reason, Refusal.REASON_REQUIRED, "Say why the restriction is lifted.");
    }
}
