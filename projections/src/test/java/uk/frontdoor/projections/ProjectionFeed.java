package uk.frontdoor.projections;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.frontdoor.triage.api.ChildEvent;

import javax.sql.DataSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Feeds events to one projection the way its streaming processor does: through Axon's annotated
 * handler adapter, as tracked domain event messages with each child's stream sequence number, the time
 * they were stored and a global position, so {@code @SequenceNumber}, {@code @Timestamp} and
 * {@code ReplayStatus} parameters resolve as in the service. {@link #replay()} resets the projection
 * (its {@code @ResetHandler}s) and delivers everything again behind a replay token, as resetting the
 * processing group does.
 */
public final class ProjectionFeed {

    private final AnnotationEventHandlerAdapter handlers;
    private final List<DomainEventMessage<?>> delivered = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    public ProjectionFeed(Object projection) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
    }

    /** Appends the events to their children's streams, stored at {@code storedAt}, and delivers them. */
    public ProjectionFeed apply(Instant storedAt, ChildEvent... events) {
        for (ChildEvent event : events) {
            String child = event.childId().value();
            long sequence = sequences.merge(child, 1L, Long::sum) - 1;
            DomainEventMessage<?> message = new GenericDomainEventMessage<>("Child", child, sequence, event,
                    Map.of(), UUID.randomUUID().toString(), storedAt);
            delivered.add(message);
            deliver(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(delivered.size() - 1),
                    message));
        }
        return this;
    }

    /** Delivers the last event again, as a processor does after a failure before its token was stored. */
    public ProjectionFeed redeliverLast() {
        DomainEventMessage<?> last = delivered.get(delivered.size() - 1);
        deliver(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(delivered.size() - 1), last));
        return this;
    }

    /** Resets the projection and replays every event delivered so far, in the same order. */
    public ProjectionFeed replay() {
        handlers.prepareReset();
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(delivered.size() - 1));
        for (int position = 0; position < delivered.size(); position++) {
            token = ((ReplayToken) token).advancedTo(new GlobalSequenceTrackingToken(position));
            deliver(new GenericTrackedDomainEventMessage<>(token, delivered.get(position)));
        }
        return this;
    }

    /**
     * {@link #replay()} as one processor batch: every event handled inside one unit of work, so writes a
     * projection holds back for the batch ({@link RowWrites}) are sent together when it commits.
     */
    public ProjectionFeed replayInOneBatch() {
        // A processor's batch unit of work, holding the batch's messages as the processor's does.
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(delivered));
        batch.start();
        try {
            replay();
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
        return this;
    }

    /**
     * {@link #replay()} in processor batches of {@code size} events, each handled in its own unit of work and
     * committed before the next: a child's events split across batches as a processor may split them.
     */
    public ProjectionFeed replayInBatchesOf(int size) {
        handlers.prepareReset();
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(delivered.size() - 1));
        for (int from = 0; from < delivered.size(); from += size) {
            int to = Math.min(delivered.size(), from + size);
            BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(delivered.subList(from, to)));
            batch.start();
            try {
                for (int position = from; position < to; position++) {
                    token = ((ReplayToken) token).advancedTo(new GlobalSequenceTrackingToken(position));
                    deliver(new GenericTrackedDomainEventMessage<>(token, delivered.get(position)));
                }
            } catch (RuntimeException e) {
                batch.rollback(e);
                throw e;
            }
            batch.commit();
        }
        return this;
    }

    /**
     * {@link #replay()} as a rebuild in bulk replays it (infra's {@code BulkReplay}): pages of {@code size} events, each
     * handled in one unit of work marked as a {@link BulkPage} and committed in one transaction on {@code dataSource}.
     */
    public ProjectionFeed replayInBulkPagesOf(int size, DataSource dataSource) {
        handlers.prepareReset();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        TrackingToken[] token = {ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(delivered.size() - 1))};
        for (int from = 0; from < delivered.size(); from += size) {
            int first = from;
            int to = Math.min(delivered.size(), from + size);
            transactions.executeWithoutResult(transaction -> {
                List<EventMessage<?>> page = new ArrayList<>(delivered.subList(first, to));
                DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(page.get(0));
                BulkPage.attach(unitOfWork, page);
                try {
                    for (int position = first; position < to; position++) {
                        token[0] = ((ReplayToken) token[0]).advancedTo(new GlobalSequenceTrackingToken(position));
                        deliver(new GenericTrackedDomainEventMessage<>(token[0], delivered.get(position)));
                    }
                } catch (RuntimeException e) {
                    unitOfWork.rollback(e);
                    throw e;
                }
                unitOfWork.commit();
            });
        }
        return this;
    }

    private void deliver(GenericTrackedDomainEventMessage<?> message) {
        try {
            handlers.handle(message);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
