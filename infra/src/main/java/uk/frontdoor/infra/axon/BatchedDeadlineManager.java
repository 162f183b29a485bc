package uk.frontdoor.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Axon's db-scheduler deadline manager, writing a unit of work's deadlines in one batched insert just before
 * its transaction commits, instead of a look-up and an insert for each deadline as it is scheduled. A batch
 * of contacts schedules two or three deadlines each (their clocks' warnings and breaches): measured, the
 * look-ups and inserts were a third of the Kafka listener's time (docs/benchmarks.md, "The write path,
 * profiled"). The look-up guarded against a second deadline with the same id, which cannot happen: every
 * id is new.
 *
 * <p>Everything else is Axon's: the same task ({@code AxonDeadline}, binary details serialised as Axon
 * would), so deadlines written before run as before and cancelling works unchanged. A deadline scheduled
 * in a nested unit of work (a command sent from another's handler) joins the root's only when that unit of
 * work commits, so a rolled-back command leaves no deadline behind; none is written unless the root commits.
 */
final class BatchedDeadlineManager extends DbSchedulerDeadlineManager {

    private static final TaskDescriptor<DbSchedulerBinaryDeadlineDetails> DEADLINE =
            TaskDescriptor.of("AxonDeadline", DbSchedulerBinaryDeadlineDetails.class);

    private final Scheduler scheduler;
    private final Serializer serializer;
    private final String pendingKey = BatchedDeadlineManager.class.getName() + "@" + System.identityHashCode(this);

    BatchedDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer) {
        super(builder);
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<Object> message =
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String id = IdentifierFactory.getInstance().generateIdentifier();
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().root().phase() != UnitOfWork.Phase.STARTED) {
            scheduler.scheduleBatch(List.of(deadline(id, deadlineName, deadlineScope, message, triggerDateTime,
                    new Pending())));
            return id;
        }
        Pending pending = pending(CurrentUnitOfWork.get().root());
        // Serialised when the scheduling unit of work commits, as Axon does: an aggregate created by the
        // command that schedules its first deadline only knows its own identifier once its events are applied.
        CurrentUnitOfWork.get().onPrepareCommit(unitOfWork ->
                pending.deadlines.add(deadline(id, deadlineName, deadlineScope, message, triggerDateTime, pending)));
        return id;
    }

    private SchedulableInstance<?> deadline(String id, String deadlineName, ScopeDescriptor scope,
                                            DeadlineMessage<Object> message, Instant triggerDateTime,
                                            Pending serialised) {
        return SchedulableInstance.of(DEADLINE.instance(id)
                        .data(details(deadlineName, scope, processDispatchInterceptors(message), serialised)).build(),
                triggerDateTime);
    }

    /**
     * A root unit of work's deadlines, and what they share serialised once: a child's deadlines (two or three a
     * contact, more for a child with several contacts in a batch) all name the same scope, and a contact's carry
     * the same meta data (its correlation data), which were serialised again for each (docs/benchmarks.md, issue
     * 14, helper "writepath", 7 December 2026). The bytes are the same; each deadline's details are serialised
     * by db-scheduler on their own, so sharing an array between deadlines changes nothing stored.
     */
    private static final class Pending {
        private final List<SchedulableInstance<?>> deadlines = new ArrayList<>();
        private final Map<ScopeDescriptor, SerializedObject<byte[]>> scopes = new HashMap<>();
        private final Map<MetaData, byte[]> metaData = new HashMap<>();
    }

    /**
     * The root unit of work's deadlines, written when it commits: commit handlers run latest-registered
     * first, so this runs before the transaction's own commit, registered when the unit of work began.
     */
    private Pending pending(UnitOfWork<?> root) {
        return root.getOrComputeResource(pendingKey, key -> {
            Pending pending = new Pending();
            root.onCommit(unitOfWork -> {
                if (!pending.deadlines.isEmpty()) {
                    scheduler.scheduleBatch(pending.deadlines);
                }
            });
            return pending;
        });
    }

    /**
     * As Axon's own manager serialises them, so that its task reads them back; the scope and the meta data taken
     * from {@code serialised} when an equal one was serialised for another deadline of the unit of work.
     */
    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope,
                                                     DeadlineMessage<?> message, Pending serialised) {
        SerializedObject<byte[]> serializedScope = serialised.scopes.computeIfAbsent(scope,
                key -> serializer.serialize(key, byte[].class));
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        byte[] metaData = serialised.metaData.computeIfAbsent(message.getMetaData(),
                key -> serializer.serialize(key, byte[].class).getData());
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, serializedScope.getData(),
                serializedScope.getType().getName(), payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), metaData);
    }
}
