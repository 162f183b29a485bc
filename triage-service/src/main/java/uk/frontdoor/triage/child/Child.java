package uk.frontdoor.triage.child;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.frontdoor.rules.ThresholdDecision;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ChildId;
import uk.frontdoor.triage.api.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ContactStatus;
import uk.frontdoor.triage.api.RecordContact;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One child's whole history at the front door: every contact about them, in one stream, so that
 * accumulating concerns and re-referrals are visible to whoever screens the next contact.
 *
 * <p>Fields are package-private rather than private so that a Jackson snapshot of the aggregate
 * captures them (a private-field snapshot comes out empty and breaks every later command).
 */
@Aggregate(cache = "childCache")
public class Child {

    @AggregateIdentifier
    ChildId childId;

    final Map<ContactId, ContactRecord> contacts = new LinkedHashMap<>();

    /** For Axon, and for the reception that creates a stream for a child not seen before. */
    public Child() {
    }

    /**
     * Records the contact and, in the same breath, the threshold rules' assessment of it against
     * this child's history, so no contact ever sits in the record unassessed.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordContact command, ThresholdEngine rules) {
        if (contacts.containsKey(command.contactId())) {
            // Redelivery of a command already applied: the stream already holds it.
            return;
        }
        // The history is taken before this contact joins it: rules look at what came before.
        ThresholdDecision decision = rules.decide(RuleFacts.of(command.submission(), command.receivedAt()),
                RuleFacts.history(contacts.values()));
        apply(new ContactReceived(command.childId(), command.contactId(), command.agency(),
                command.channel(), command.receivedAt(), command.submission()));
        apply(new ThresholdAssessed(command.childId(), command.contactId(), command.receivedAt(),
                RuleFacts.threshold(decision)));
    }

    @EventSourcingHandler
    void on(ContactReceived event) {
        this.childId = event.childId();
        contacts.put(event.contactId(), ContactRecord.received(event));
    }

    @EventSourcingHandler
    void on(ThresholdAssessed event) {
        contacts.computeIfPresent(event.contactId(), (id, contact) -> contact.withStatus(ContactStatus.ASSESSED));
    }
}
