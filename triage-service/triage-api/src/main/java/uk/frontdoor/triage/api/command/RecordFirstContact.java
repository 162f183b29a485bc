package uk.frontdoor.triage.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import uk.frontdoor.triage.api.value.ChildId;

import java.util.Objects;

/**
 * {@link RecordContact} for a child the front door has only now created (a fresh child id): the stream
 * is started without first being looked for, which saves reading an event store that cannot hold it.
 */
public record RecordFirstContact(RecordContact contact) {

    public RecordFirstContact {
        Objects.requireNonNull(contact, "contact");
    }

    @TargetAggregateIdentifier
    public ChildId childId() {
        return contact.childId();
    }
}
