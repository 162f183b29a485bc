package uk.frontdoor.infra.axon;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A rebuild's replay without the pooled processor's per-event machinery: the processor's own event stream (the
 * event store, read and decoded exactly as the processor reads it) handed to the processor's own handlers
 * ({@link EventHandlerInvoker}, with its interceptors and its error handler) a page at a time, in one unit of work
 * and one transaction per page, the page's tracking tokens stored in the same transaction.
 *
 * <p>What stays the processor's: which segment handles an event ({@code canHandle} per segment, the processor's
 * sequencing policy), the token each event carries (each segment's token advanced over every event as Axon's work
 * package advances it, so a handler sees the same replay status) and the tokens stored (a page's last, per segment,
 * exactly what the processor would have stored after it). What goes: a work package, a buffer and a coordinator per
 * segment, a unit of work's processing context and a result message per event, a token written per batch of 250.
 *
 * <p>It runs while the processor is shut down, holding the claims the reset took: each page's commit stores every
 * segment's token, which fails (and rolls the page back) should another instance have taken a claim, and refreshes
 * the claims so that none times out meanwhile. When it stops, at the head it was given or at a failure, the processor
 * is started by the caller and carries on from the last stored tokens: the events stored meanwhile, and any the
 * replay did not see (a gap in the global index that was still being written is in the token's gaps), are handled
 * by the processor as always, and nothing handled here is handled again.
 */
final class BulkReplay {

    private final String name;
    private final EventHandlerInvoker invoker;
    private final List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors;
    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int pageSize;
    private volatile long position;
    private volatile int[] segmentIds = new int[0];

    BulkReplay(String name, EventHandlerInvoker invoker,
               List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
               StreamableMessageSource<TrackedEventMessage<?>> source, TokenStore tokens,
               TransactionManager transactions, int pageSize) {
        this.name = name;
        this.invoker = invoker;
        this.interceptors = List.copyOf(interceptors);
        this.source = source;
        this.tokens = tokens;
        this.transactions = transactions;
        this.pageSize = pageSize;
    }

    /** The global index of the last event of the last committed page; 0 before the first. */
    long position() {
        return position;
    }

    /** The processor's segments, once the replay has read them. */
    int[] segmentIds() {
        return segmentIds.clone();
    }

    /**
     * Replays from the segments' stored (reset) tokens until the stream holds no further event or the next is past
     * {@code head}.
     *
     * @param stop asked between pages: true ends the replay early (the node is shutting down)
     * @return the number of events read
     */
    long run(long head, BooleanSupplier stop) throws Exception {
        int[] ids = transactions.fetchInTransaction(() -> tokens.fetchSegments(name));
        Segment[] segments = new Segment[ids.length];
        TrackingToken[] at = new TrackingToken[ids.length];
        transactions.executeInTransaction(() -> {
            for (int i = 0; i < ids.length; i++) {
                segments[i] = Segment.computeSegment(ids[i], ids);
                // Claims it for this node, as the reset did; fails if another instance holds it.
                at[i] = tokens.fetchToken(name, ids[i]);
            }
        });
        segmentIds = ids;
        TrackingToken start = lowest(at);
        // Every segment at the same token (as a reset leaves them) advances alike: the events are then handled as
        // one segment would handle them all, and every segment is given that one token.
        boolean alike = Arrays.stream(at).allMatch(token -> Objects.equals(token, at[0]));
        Segment[] handling = alike ? new Segment[]{Segment.ROOT_SEGMENT} : segments;
        TrackingToken[] advancing = alike ? new TrackingToken[]{at[0]} : at;
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(start)) {
            List<TrackedEventMessage<?>> page = new ArrayList<>(pageSize);
            long taken = position;
            while (!stop.getAsBoolean()) {
                page.clear();
                while (page.size() < pageSize && available(stream, taken, head)) {
                    long next = stream.peek().orElseThrow().trackingToken().position().orElse(0);
                    if (next > head) {
                        break;
                    }
                    page.add(stream.nextAvailable());
                    taken = next;
                }
                if (page.isEmpty()) {
                    break;
                }
                handle(page, handling, advancing, ids);
                read += page.size();
                position = page.get(page.size() - 1).trackingToken().position().orElse(position);
                if (page.size() < pageSize) {
                    break;
                }
            }
        }
        return read;
    }

    /**
     * Whether the stream has a next event now; while the head is not reached, waits up to a second for one (the
     * store's reader may be between two of its reads).
     */
    private static boolean available(BlockingStream<TrackedEventMessage<?>> stream, long taken, long head)
            throws InterruptedException {
        return stream.hasNextAvailable() || (taken < head && stream.hasNextAvailable(1, TimeUnit.SECONDS));
    }

    /** One page in one unit of work and transaction; the segments' tokens advance only if it commits. */
    private void handle(List<TrackedEventMessage<?>> page, Segment[] segments, TrackingToken[] at, int[] ids)
            throws Exception {
        TrackingToken[] advanced = at.clone();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = new DefaultUnitOfWork<>(page.get(0));
        unitOfWork.attachTransaction(transactions);
        unitOfWork.onPrepareCommit(work -> {
            for (int i = 0; i < ids.length; i++) {
                tokens.storeToken(advanced[advanced.length == 1 ? 0 : i], name, ids[i]);
            }
        });
        var result = unitOfWork.executeWithResult(() -> {
            boolean[] fresh = new boolean[segments.length];
            for (TrackedEventMessage<?> event : page) {
                TrackingToken token = event.trackingToken();
                for (int i = 0; i < segments.length; i++) {
                    // A segment skips what its token already covers, as its work package would.
                    fresh[i] = advanced[i] == null || !advanced[i].covers(token);
                    if (fresh[i]) {
                        advanced[i] = WrappedToken.advance(advanced[i], token);
                    }
                }
                for (int i = 0; i < segments.length; i++) {
                    if (fresh[i] && invoker.canHandle(event, segments[i])) {
                        deliver(unitOfWork, tokened(event, advanced[i]), segments[i]);
                        break;
                    }
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
        }
        System.arraycopy(advanced, 0, at, 0, at.length);
    }

    private void deliver(DefaultUnitOfWork<EventMessage<?>> unitOfWork, EventMessage<?> event, Segment segment)
            throws Exception {
        unitOfWork.transformMessage(previous -> event);
        if (interceptors.isEmpty()) {
            invoker.handle(event, segment);
            return;
        }
        new DefaultInterceptorChain<EventMessage<?>>(unitOfWork, interceptors, message -> {
            invoker.handle(message, segment);
            return null;
        }).proceed();
    }

    /** The event carrying its segment's token, its timestamp still read only when asked for. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrackedEventMessage<?> tokened(TrackedEventMessage<?> event, TrackingToken token) {
        if (token.equals(event.trackingToken())) {
            return event;
        }
        if (event instanceof GenericTrackedDomainEventMessage domain) {
            return new GenericTrackedDomainEventMessage(token, domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain, domain::getTimestamp);
        }
        if (event instanceof GenericTrackedEventMessage generic) {
            return new GenericTrackedEventMessage(token, generic, generic::getTimestamp);
        }
        return event.withTrackingToken(token);
    }

    /** Where to read from so that no segment misses an event: the lowest of their tokens (null: the start). */
    private static TrackingToken lowest(TrackingToken[] at) {
        TrackingToken lowest = null;
        for (TrackingToken token : at) {
            TrackingToken position = token == null ? null : WrappedToken.unwrapLowerBound(token);
            if (position == null) {
                return null;
            }
            lowest = lowest == null ? position : lowest.lowerBound(position);
        }
        return lowest;
    }
}
