package uk.frontdoor.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.serializer.JavaSerializer;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.child.ClockDeadline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * A batch's deadlines are stored as Axon's own manager would store each (its task data, as db-scheduler serialises
 * it, byte for byte), with each child's scope and each contact's meta data serialised once a batch, not once a
 * deadline. The table's rows themselves are written by db-scheduler from these; the whole path, against the database,
 * is {@code BatchGuaranteesIntegrationTest}.
 */
class BatchedDeadlineManagerTest {

    private static final String[] CHILDREN = {"a7c1d2e3-0000-4000-8000-00000000000a", "a7c1d2e3-0000-4000-8000-00000000000a",
            "b7c1d2e3-0000-4000-8000-00000000000b", "c7c1d2e3-0000-4000-8000-00000000000c"};

    private final Scheduler scheduler = mock(Scheduler.class);
    private final Serializer serializer = EventJson.serializer(null);
    private final List<DeadlineMessage<?>> dispatched = new ArrayList<>();
    private final BatchedDeadlineManager manager = new BatchedDeadlineManager(DbSchedulerDeadlineManager.builder()
            .scheduler(scheduler).scopeAwareProvider(scope -> Stream.empty()).serializer(serializer)
            .transactionManager(NoTransactionManager.INSTANCE).startScheduler(false).stopScheduler(false),
            scheduler, serializer);

    @Test
    @SuppressWarnings("unchecked")
    void a_batchs_deadlines_are_stored_as_each_alone_with_a_childs_scope_and_a_contacts_meta_data_serialised_once()
            throws Exception {
        // Seen as each deadline is written: the message whose meta data Axon's manager serialised for it.
        manager.registerDispatchInterceptor(messages -> (index, message) -> {
            dispatched.add(message);
            return message;
        });
        Map<String, String> contact = new HashMap<>();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a batch"));
        batch.registerCorrelationDataProvider(message -> Map.copyOf(contact));
        List<ScopeDescriptor> scopes = new ArrayList<>();
        List<ClockDeadline> payloads = new ArrayList<>();
        Instant due = Instant.parse("2026-12-07T10:00:00Z");
        for (int i = 0; i < CHILDREN.length; i++) {
            // Each contact's deadlines carry its own correlation id; the first two contacts are about one child.
            contact.put("correlationId", "contact-" + i);
            contact.put("traceId", "the batch");
            for (ClockDeadline.Stage stage : ClockDeadline.Stage.values()) {
                ScopeDescriptor scope = new AggregateScopeDescriptor("Child", CHILDREN[i]);
                ClockDeadline payload = new ClockDeadline("clock-" + i, stage);
                manager.schedule(due.plusSeconds(i), ClockDeadline.NAME, payload, scope);
                scopes.add(scope);
                payloads.add(payload);
            }
        }
        batch.commit();

        ArgumentCaptor<List<SchedulableInstance<?>>> written = ArgumentCaptor.forClass(List.class);
        verify(scheduler).scheduleBatch(written.capture());
        List<DbSchedulerBinaryDeadlineDetails> details = written.getValue().stream()
                .map(instance -> (DbSchedulerBinaryDeadlineDetails) instance.getTaskInstance().getData()).toList();
        int stages = ClockDeadline.Stage.values().length;
        assertThat(details).hasSize(CHILDREN.length * stages);
        assertThat(dispatched).hasSize(details.size());
        JavaSerializer taskData = new JavaSerializer();
        for (int i = 0; i < details.size(); i++) {
            assertThat(dispatched.get(i).getPayload()).isEqualTo(payloads.get(i));
            assertThat(dispatched.get(i).getMetaData()).containsEntry("correlationId", "contact-" + i / stages);
            // As Axon's manager (and this one before 7 December 2026) serialised each deadline on its own.
            SerializedObject<byte[]> scope = serializer.serialize(scopes.get(i), byte[].class);
            SerializedObject<byte[]> payload = serializer.serialize(dispatched.get(i).getPayload(), byte[].class);
            DbSchedulerBinaryDeadlineDetails alone = new DbSchedulerBinaryDeadlineDetails(ClockDeadline.NAME,
                    scope.getData(), scope.getType().getName(), payload.getData(), payload.getType().getName(),
                    payload.getType().getRevision(),
                    serializer.serialize(dispatched.get(i).getMetaData(), byte[].class).getData());
            assertThat(taskData.serialize(details.get(i))).as("deadline %d's stored task data", i)
                    .isEqualTo(taskData.serialize(alone));
        }
        // Serialised once: a child's scope for all its deadlines (the first two contacts' four), a contact's meta data
        // for both of its deadlines.
        assertThat(details.get(0).getS()).isSameAs(details.get(3).getS());
        assertThat(details.get(0).getS()).isNotSameAs(details.get(4).getS());
        assertThat(details.get(0).getM()).isSameAs(details.get(1).getM());
        assertThat(details.get(1).getM()).isNotSameAs(details.get(2).getM());
    }
}
