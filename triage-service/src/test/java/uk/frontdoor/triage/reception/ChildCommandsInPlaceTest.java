package uk.frontdoor.triage.reception;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordFirstContact;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.child.Child;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The meta data a contact's events get when its child handles its command in the reception's unit of work: what a
 * nested command gave them (a correlation id of its own, the trace id of what was received), and nothing of it
 * left on the reception's unit of work afterwards. The child and its repository are stand-ins that record what
 * they are asked; the whole path, against the database, is infra's {@code BatchGuaranteesIntegrationTest}.
 */
class ChildCommandsInPlaceTest {

    private static final ChildId KNOWN = ChildId.random();
    private static final ChildId NEW = ChildId.random();

    private final List<Message<?>> handled = new ArrayList<>();
    private final List<MetaData> eventMetaData = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private int eventsPerCommand = 1;

    @Test
    void each_contacts_events_carry_its_own_commands_correlation_id_and_the_trace_id_of_what_was_received()
            throws Exception {
        var inPlace = new ChildCommandsInPlace(this::repository, () -> List.of(new MessageOriginProvider()));
        CommandMessage<?> batch = GenericCommandMessage.asCommandMessage("a batch");
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch);
        // As the command bus's correlation data interceptor does for the command it handles.
        unitOfWork.registerCorrelationDataProvider(new MessageOriginProvider());
        MetaData between;
        try {
            inPlace.record(contact(KNOWN), false);
            inPlace.record(contact(NEW), true);
            between = new GenericEventMessage<>("an event of the reception's own").getMetaData();
        } finally {
            unitOfWork.rollback();
        }

        assertThat(asked).containsExactly("loadOrCreate " + KNOWN.value(), "newInstance");
        assertThat(handled.get(0).getPayload()).isInstanceOf(RecordContact.class);
        assertThat(handled.get(1).getPayload()).isInstanceOf(RecordFirstContact.class);
        for (int i = 0; i < 2; i++) {
            assertThat(eventMetaData.get(i).get("correlationId")).isEqualTo(handled.get(i).getIdentifier());
            assertThat(eventMetaData.get(i).get("traceId")).isEqualTo(batch.getIdentifier());
            assertThat(handled.get(i).getMetaData().get("traceId")).isEqualTo(batch.getIdentifier());
        }
        assertThat(handled.get(0).getIdentifier()).isNotEqualTo(handled.get(1).getIdentifier());
        assertThat(between.get("correlationId")).isEqualTo(batch.getIdentifier());
        assertThat(between.get("traceId")).isEqualTo(batch.getIdentifier());
    }

    @Test
    void the_providers_are_asked_once_a_contact_and_every_message_of_it_gets_the_same_meta_data_as_before()
            throws Exception {
        List<Message<?>> askedFor = new ArrayList<>();
        MessageOriginProvider origin = new MessageOriginProvider();
        var inPlace = new ChildCommandsInPlace(this::repository, () -> List.of(message -> {
            askedFor.add(message);
            return origin.correlationDataFor(message);
        }));
        eventsPerCommand = 3;
        CommandMessage<?> batch = GenericCommandMessage.asCommandMessage("a batch");
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch);
        unitOfWork.registerCorrelationDataProvider(new MessageOriginProvider());
        MetaData between;
        try {
            inPlace.record(contact(KNOWN), false);
            inPlace.record(contact(NEW), true);
            between = new GenericEventMessage<>("an event of the reception's own").getMetaData();
        } finally {
            unitOfWork.rollback();
        }

        // Asked once for each contact's command, not once for each of its three events.
        assertThat(askedFor).containsExactly(handled.get(0), handled.get(1));
        assertThat(eventMetaData).hasSize(6);
        for (int i = 0; i < 6; i++) {
            Message<?> command = handled.get(i / 3);
            // What the providers answered for the command itself, as every message of it got when asked each time.
            assertThat(eventMetaData.get(i)).isEqualTo(MetaData.from(origin.correlationDataFor(command)));
            assertThat(eventMetaData.get(i).get("correlationId")).isEqualTo(command.getIdentifier());
            assertThat(eventMetaData.get(i).get("traceId")).isEqualTo(batch.getIdentifier());
        }
        // Nothing of the last contact kept once it is recorded.
        assertThat(between.get("correlationId")).isEqualTo(batch.getIdentifier());
    }

    @Test
    void a_child_that_refuses_the_contact_fails_the_reception_with_its_own_exception() {
        var inPlace = new ChildCommandsInPlace(this::refusing, () -> List.of(new MessageOriginProvider()));
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("one"));
        try {
            assertThatThrownBy(() -> inPlace.record(contact(KNOWN), false)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("refused");
            assertThatThrownBy(() -> inPlace.record(contact(NEW), true)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("refused");
        } finally {
            unitOfWork.rollback();
        }
    }

    private static RecordContact contact(ChildId child) {
        return new RecordContact(child, ContactId.random(), AgencyCode.of("demo-police"), Channel.KAFKA, Instant.EPOCH,
                null, List.of());
    }

    private Repository<Child> repository() {
        return repositoryOf(child(false));
    }

    private Repository<Child> refusing() {
        return repositoryOf(child(true));
    }

    @SuppressWarnings("unchecked")
    private Repository<Child> repositoryOf(Aggregate<Child> child) {
        return (Repository<Child>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Repository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "loadOrCreate" -> {
                        asked.add("loadOrCreate " + args[0]);
                        yield child;
                    }
                    case "newInstance" -> {
                        asked.add("newInstance");
                        ((Callable<?>) args[0]).call();
                        ((Consumer<Aggregate<Child>>) args[1]).accept(child);
                        yield child;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A child that applies one event for each command it handles (or refuses it), recording what it saw. */
    @SuppressWarnings("unchecked")
    private Aggregate<Child> child(boolean refuses) {
        return (Aggregate<Child>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Aggregate.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "handle" -> {
                        if (refuses) {
                            throw new IllegalStateException("refused");
                        }
                        Message<?> command = (Message<?>) args[0];
                        handled.add(command);
                        for (int i = 0; i < eventsPerCommand; i++) {
                            eventMetaData.add(new GenericEventMessage<>("applied").getMetaData());
                        }
                        yield null;
                    }
                    case "identifier" -> handled.isEmpty() ? null
                            : ((RecordContact) contactOf(handled.get(handled.size() - 1))).childId().value();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object contactOf(Message<?> command) {
        return command.getPayload() instanceof RecordFirstContact first ? first.contact() : command.getPayload();
    }
}
