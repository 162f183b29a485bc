package uk.frontdoor.infra.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import uk.frontdoor.projections.BulkPage;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A rebuild's replay without the pooled processor's per-event machinery: the event table read in large pages
 * ({@link StoredEvents}: each row made what Axon's JDBC engine makes of it, token included) handed to the processor's
 * own handlers
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
    private final StoredEvents store;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final int pageSize;
    private volatile long position;
    private volatile int[] segmentIds = new int[0];

    BulkReplay(String name, EventHandlerInvoker invoker,
               List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
               StoredEvents store, TokenStore tokens,
               TransactionManager transactions, int pageSize) {
        this.name = name;
        this.invoker = invoker;
        this.interceptors = List.copyOf(interceptors);
        this.store = store;
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
     * Replays from the segments' stored (reset) tokens until the table holds no further event or the next is past
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
        if (start != null && !(start instanceof GapAwareTrackingToken)) {
            throw new IllegalStateException("A bulk replay reads the JDBC event store; the tokens are "
                    + start.getClass().getSimpleName());
        }
        GapAwareTrackingToken last = (GapAwareTrackingToken) start;
        if (last != null && last.hasGaps()) {
            throw new IllegalStateException("A bulk replay starts from a token without gaps");
        }
        long read = 0;
        // The next page is read and decoded on a thread of its own while this one's rows are written: the table read,
        // its keys and the decoding overlap PostgreSQL's work on the page's writes, instead of waiting for it.
        ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild-" + name + "-reader");
            thread.setDaemon(true);
            return thread;
        });
        // Whether the processor's handlers take a payload type, asked once a type (it was about 5% of the reader's time).
        Map<Class<?>, Boolean> handled = new ConcurrentHashMap<>();
        Predicate<Class<?>> decode = type -> handled.computeIfAbsent(type, invoker::canHandleType);
        try {
            GapAwareTrackingToken from = last;
            Future<StoredEvents.Page> ahead = reader.submit(() -> store.after(from, head, pageSize, decode));
            while (!stop.getAsBoolean()) {
                StoredEvents.Page page = next(ahead);
                if (page.rows() == 0) {
                    break;
                }
                boolean more = page.rows() == pageSize;
                if (more) {
                    ahead = reader.submit(() -> store.after(page.last(), head, pageSize, decode));
                }
                // Payloads not decoded ahead are decoded as the handlers ask for them, with the keys read for the page.
                try (var using = page.keys().use()) {
                    handle(page, handling, advancing, ids);
                }
                read += page.rows();
                last = page.last();
                position = last.getIndex();
                if (!more) {
                    break;
                }
            }
            return read;
        } finally {
            reader.shutdownNow();
        }
    }

    /** The page read ahead; its reading's failure as this thread's own. */
    private static StoredEvents.Page next(Future<StoredEvents.Page> ahead) throws Exception {
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception failure ? failure : e;
        }
    }

    /** One page in one unit of work and transaction; the segments' tokens advance only if it commits. */
    private void handle(StoredEvents.Page page, Segment[] segments, TrackingToken[] at, int[] ids)
            throws Exception {
        TrackingToken[] advanced = at.clone();
        EventMessage<?> first = page.events().isEmpty() ? GenericEventMessage.asEventMessage("no event")
                : page.events().get(0).event();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = new DefaultUnitOfWork<>(first);
        unitOfWork.attachTransaction(transactions);
        // The projections may look at the whole page first (the triage queue reads the rows it will change).
        BulkPage.attach(unitOfWork, page.events().stream().map(StoredEvents.Read::event).toList());
        unitOfWork.onPrepareCommit(work -> {
            for (int i = 0; i < ids.length; i++) {
                tokens.storeToken(advanced[advanced.length == 1 ? 0 : i], name, ids[i]);
            }
        });
        var result = unitOfWork.executeWithResult(() -> {
            boolean[] fresh = new boolean[segments.length];
            for (StoredEvents.Read read : page.events()) {
                TrackedEventMessage<?> event = read.event();
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
                        deliver(unitOfWork, tokened(event, advanced[i], read.timestamp()), segments[i]);
                        break;
                    }
                }
            }
            // Past the page's last row, should an upcaster have left it no event.
            for (int i = 0; i < segments.length; i++) {
                if (advanced[i] == null || !advanced[i].covers(page.last())) {
                    advanced[i] = WrappedToken.advance(advanced[i], page.last());
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

    /** The event carrying its segment's token, and its timestamp as parsed when it was read. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TrackedEventMessage<?> tokened(TrackedEventMessage<?> event, TrackingToken token, Instant timestamp) {
        if (event instanceof DomainEventMessage domain) {
            return new GenericTrackedDomainEventMessage(token, domain.getType(), domain.getAggregateIdentifier(),
                    domain.getSequenceNumber(), domain, () -> timestamp);
        }
        return new GenericTrackedEventMessage(token, event, () -> timestamp);
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
