package uk.frontdoor.triage.reception;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordFirstContact;
import uk.frontdoor.triage.child.Child;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A received contact's command handled by its child in the unit of work of the reception that decided it (a batch's,
 * or one submission's), instead of being sent as a command of its own: what Axon's command bus and aggregate command
 * handler did for that nested command, done here without the gateway, the bus, a nested unit of work and the look-up
 * of the handler (together about a fifth of the Kafka listener's Java work, docs/benchmarks.md, "The write path:
 * the nested command a contact"). What is kept, as Axon does it:
 * <ul>
 *     <li>the child is loaded (or, for a first contact, created) through its repository, which holds it for the
 *     rest of the unit of work (a child with two contacts in a batch is loaded once), locks it, checks a held copy
 *     against the store and saves it as the unit of work commits;</li>
 *     <li>the command is handled by the child as a command message, through the child's own command handler
 *     interceptors (an erased record refuses it) and its parameter resolvers;</li>
 *     <li>its events and the deadlines its clocks schedule carry the meta data a nested command's did: a correlation
 *     id of their own (the contact's command's), and the trace id of what was received;</li>
 *     <li>the deadlines and events join the unit of work, and are written only if it commits: a contact that fails
 *     fails its whole unit of work, whose deadlines and events are then never written (the Kafka listener then
 *     receives the batch's contacts one at a time, each in a unit of work of its own).</li>
 * </ul>
 * Held to these by {@code BatchGuaranteesIntegrationTest} and {@code BatchIntakeIntegrationTest} (infra).
 */
final class ChildCommandsInPlace {

    private static final String CONTACT_BEING_RECORDED = ChildCommandsInPlace.class.getName() + ".contact";

    private final Supplier<Repository<Child>> children;
    private final Supplier<List<CorrelationDataProvider>> correlation;

    /**
     * @param children    the children's aggregate repository (Axon's, with its cache and locks)
     * @param correlation the correlation data providers Axon's command bus applies to each command it handles
     */
    ChildCommandsInPlace(Supplier<Repository<Child>> children, Supplier<List<CorrelationDataProvider>> correlation) {
        this.children = children;
        this.correlation = correlation;
    }

    /**
     * Records the contact on its child's stream, in the current unit of work: a new child's stream is started
     * without being looked for first.
     *
     * @throws Exception whatever the child's handling or its loading threw: the unit of work must then roll back
     */
    void record(RecordContact contact, boolean newChild) throws Exception {
        // Made in the reception's unit of work, so it carries its correlation data, as a command sent from it did.
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(
                newChild ? new RecordFirstContact(contact) : contact);
        ContactBeingRecorded current = CurrentUnitOfWork.get().root()
                .getOrComputeResource(CONTACT_BEING_RECORDED, key -> startCorrelating());
        current.recording(command);
        try {
            String childId = contact.childId().value();
            if (newChild) {
                // As Axon's handler for a command that always creates: a new instance, then the command handled.
                Exception[] failed = new Exception[1];
                children.get().newInstance(Child::new, child -> {
                    try {
                        child.handle(command);
                    } catch (Exception e) {
                        failed[0] = e;
                    }
                });
                if (failed[0] != null) {
                    throw failed[0];
                }
            } else {
                // As Axon's handler for a command that creates the child if missing.
                Aggregate<Child> child = children.get().loadOrCreate(childId, Child::new);
                child.handle(command);
                if (child.identifier() == null || !childId.equals(child.identifier().toString())) {
                    throw new IllegalStateException("Identifier must be set after handling the message");
                }
            }
        } finally {
            current.recording(null);
        }
    }

    /**
     * While a contact is recorded, the unit of work's correlation data are the ones its own command would have had
     * (the providers' answers for that command override the reception's, key by key); otherwise they add nothing.
     */
    private ContactBeingRecorded startCorrelating() {
        ContactBeingRecorded current = new ContactBeingRecorded(correlation.get());
        CurrentUnitOfWork.get().root().registerCorrelationDataProvider(current);
        return current;
    }

    private static final class ContactBeingRecorded implements CorrelationDataProvider {

        private final List<CorrelationDataProvider> providers;
        private CommandMessage<?> command;
        /**
         * The providers' answers for {@link #command}, asked once a contact: they depend on the command alone (its
         * identifier, its meta data), not on the message being made, and every event and deadline of a contact asked
         * for them again (about 1.2 KB a contact, docs/benchmarks.md).
         */
        private Map<String, ?> data;

        private ContactBeingRecorded(List<CorrelationDataProvider> providers) {
            this.providers = providers;
        }

        private void recording(CommandMessage<?> command) {
            this.command = command;
            this.data = null;
        }

        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            if (command == null) {
                return Map.of();
            }
            if (data == null) {
                Map<String, Object> answers = new HashMap<>();
                for (CorrelationDataProvider provider : providers) {
                    Map<String, ?> more = provider.correlationDataFor(command);
                    if (more != null) {
                        answers.putAll(more);
                    }
                }
                // Shared by the contact's messages, each of which copies it into its own meta data.
                data = Collections.unmodifiableMap(answers);
            }
            return data;
        }
    }
}
