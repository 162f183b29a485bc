package uk.frontdoor.infra.axon;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.AbstractQueue;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Gives each work package of Axon's pooled processors a buffer that knows its own length. Axon 4.13's coordinator
 * asks every work package whether its buffer has room ({@code WorkPackage.hasRemainingCapacity}, "fewer than 1,024
 * events queued") before it hands out each event, and the buffer is a {@link ConcurrentLinkedQueue}, whose
 * {@code size()} walks every queued event. In a replay the buffer stays nearly full, so each event cost a walk of
 * about a thousand nodes: 16 to 24% of a rebuilding processor's samples (docs/benchmarks.md). Neither the check nor
 * the buffer is configurable, so the buffer is swapped, as each work package is made, for the same queue with a
 * count beside it ({@link CountedQueue}): the same events in the same order, {@code size()} read from the count.
 * <p>
 * This reaches into two private fields of Axon (the coordinator's work-package factory and the work package's
 * queue). Should a later Axon rename them, the processors run as Axon builds them and a warning says so;
 * {@code CountedWorkQueuesIntegrationTest} fails, so an upgrade does not lose this unnoticed.
 */
final class CountedWorkQueues {

    private static final Logger log = LoggerFactory.getLogger(CountedWorkQueues.class);

    private CountedWorkQueues() {
    }

    /** @return whether the processor's work packages will be given counted buffers */
    static boolean install(EventProcessor processor) {
        if (!(processor instanceof PooledStreamingEventProcessor)) {
            return false;
        }
        try {
            Object coordinator = field(PooledStreamingEventProcessor.class, "coordinator").get(processor);
            Field factoryField = field(coordinator.getClass(), "workPackageFactory");
            @SuppressWarnings("unchecked")
            BiFunction<Segment, TrackingToken, Object> factory =
                    (BiFunction<Segment, TrackingToken, Object>) factoryField.get(coordinator);
            if (factory instanceof Counting) {
                return true;
            }
            Field queueField = field(Class.forName("org.axonframework.eventhandling.pooled.WorkPackage"),
                    "processingQueue");
            factoryField.set(coordinator, new Counting(factory, queueField));
            return true;
        } catch (ReflectiveOperationException | RuntimeException axonChanged) {
            log.warn("Processor {}: its work packages keep Axon's own buffer (the coordinator then walks it for every "
                    + "event it hands out): {}", processor.getName(), axonChanged.toString());
            return false;
        }
    }

    /** Whether this work package's buffer is a counted one (for the test that guards against an Axon upgrade). */
    static boolean counted(Object workPackage) throws ReflectiveOperationException {
        return field(workPackage.getClass(), "processingQueue").get(workPackage) instanceof CountedQueue;
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** The coordinator's work-package factory, each new package's (still empty) buffer swapped for a counted one. */
    private record Counting(BiFunction<Segment, TrackingToken, Object> made, Field queue)
            implements BiFunction<Segment, TrackingToken, Object> {

        @Override
        public Object apply(Segment segment, TrackingToken token) {
            Object workPackage = made.apply(segment, token);
            try {
                if (((Queue<?>) queue.get(workPackage)).isEmpty()) {
                    queue.set(workPackage, new CountedQueue<>());
                }
            } catch (IllegalAccessException cannot) {
                log.warn("A work package keeps Axon's own buffer: {}", cannot.toString());
            }
            return workPackage;
        }
    }

    /**
     * A {@link ConcurrentLinkedQueue} with its length counted as events go in and out. Like the queue's own
     * {@code size()}, the count is a moment's reading while a worker and the coordinator run: Axon uses it only to
     * decide whether to hand out more now. The work package uses {@code add}, {@code poll}, {@code isEmpty} and
     * {@code size}.
     */
    static final class CountedQueue<E> extends AbstractQueue<E> {

        private final ConcurrentLinkedQueue<E> queued = new ConcurrentLinkedQueue<>();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean offer(E element) {
            queued.offer(element);
            count.incrementAndGet();
            return true;
        }

        @Override
        public E poll() {
            E element = queued.poll();
            if (element != null) {
                count.decrementAndGet();
            }
            return element;
        }

        @Override
        public E peek() {
            return queued.peek();
        }

        @Override
        public boolean isEmpty() {
            return queued.isEmpty();
        }

        /** Never below zero: a poll may count its event out just before the offer that queued it counts it in. */
        @Override
        public int size() {
            return Math.max(0, count.get());
        }

        @Override
        public Iterator<E> iterator() {
            Iterator<E> iterator = queued.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return iterator.hasNext();
                }

                @Override
                public E next() {
                    return iterator.next();
                }

                @Override
                public void remove() {
                    iterator.remove();
                    count.decrementAndGet();
                }
            };
        }
    }
}
