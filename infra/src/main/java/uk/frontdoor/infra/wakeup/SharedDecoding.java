package uk.frontdoor.infra.wakeup;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.AbstractMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The storage engine as the event processors' streams read it, each event's payload decoded once for all of them
 * ({@link DecodedEvents}). Every processor still reads the rows itself, exactly as Axon reads them (its tracking
 * tokens and their gaps are untouched); only what a row becomes is shared. The events handed out hold no decoded
 * payload of their own: each use asks {@link DecodedEvents}, so no copy outlives the child's key, not even in
 * the embedded store's cache of recent events or a processor's buffer. An event appended through this engine is
 * not decoded at all: what it decodes to is the appended message's payload and meta data ({@link
 * DecodedEvents#appended}). A child's own stream (loading it to handle a command) is read as before.
 */
final class SharedDecoding implements EventStorageEngine {

    /** The aggregate type of a child's events, whose identifier is the child's id (and names its data key). */
    private static final String CHILD = "Child";

    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final DecodedEvents decoded;
    private final MetaDataReader metaData;

    /** @param serializer the one the delegate reads events with (so their stored form is taken as it is) */
    SharedDecoding(EventStorageEngine delegate, Serializer serializer, DecodedEvents decoded) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.decoded = decoded;
        this.metaData = MetaDataReader.of(serializer);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> read = delegate.readEvents(trackingToken, mayBlock);
        return StreamSupport.stream(new KeysLoadedAhead(read.spliterator()), false).onClose(read::close)
                .map(this::shared);
    }

    /** How many events are read ahead of the one handed out, for their children's keys to be read together. */
    static final int READ_AHEAD = 100;

    /**
     * The events as read, each group of up to {@link #READ_AHEAD} taken from the stream before the first of them is
     * handed out, and the data keys of the children whose events the window does not hold decoded read in one
     * statement ({@link DecodedEvents#loadKeys}). A replay otherwise read each child's key on its own when its first
     * event was decoded: about one statement per contact, a round trip on the processor's thread each time. Takes
     * only what the stream has: an empty group is asked for again next time, as the stream itself would be.
     */
    private final class KeysLoadedAhead implements Spliterator<TrackedEventMessage<?>> {

        private final Spliterator<? extends TrackedEventMessage<?>> read;
        private final ArrayDeque<TrackedEventMessage<?>> ahead = new ArrayDeque<>(READ_AHEAD);

        private KeysLoadedAhead(Spliterator<? extends TrackedEventMessage<?>> read) {
            this.read = read;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
            if (ahead.isEmpty()) {
                while (ahead.size() < READ_AHEAD && read.tryAdvance(ahead::add)) {
                    // taken
                }
                Set<String> children = new HashSet<>();
                for (TrackedEventMessage<?> event : ahead) {
                    if (event instanceof DomainEventMessage<?> domain && CHILD.equals(domain.getType())
                            && !decoded.holds(globalIndex(event), event.getIdentifier())) {
                        children.add(domain.getAggregateIdentifier());
                    }
                }
                decoded.loadKeys(children);
            }
            TrackedEventMessage<?> next = ahead.poll();
            if (next == null) {
                return false;
            }
            action.accept(next);
            return true;
        }

        @Override
        public Spliterator<TrackedEventMessage<?>> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return ORDERED | NONNULL;
        }
    }

    private TrackedEventMessage<?> shared(TrackedEventMessage<?> read) {
        return read instanceof DomainEventMessage<?> domain ? sharedDomain(read, domain) : sharedEvent(read);
    }

    private <T> TrackedEventMessage<T> sharedDomain(TrackedEventMessage<?> read, DomainEventMessage<T> domain) {
        return new GenericTrackedDomainEventMessage<>(read.trackingToken(), domain.getType(),
                domain.getAggregateIdentifier(), domain.getSequenceNumber(),
                new Shared<>(domain, globalIndex(read), null), domain::getTimestamp);
    }

    private <T> TrackedEventMessage<T> sharedEvent(TrackedEventMessage<T> read) {
        return new GenericTrackedEventMessage<>(read.trackingToken(), new Shared<>(read, globalIndex(read), null),
                read::getTimestamp);
    }

    /** Where the event is in the store; -1 when its token does not say (it is then decoded for this reader alone). */
    private static long globalIndex(TrackedEventMessage<?> read) {
        return read.trackingToken() instanceof GapAwareTrackingToken token ? token.getIndex() : -1;
    }

    /**
     * An event as read, its payload and meta data taken from {@link DecodedEvents} on every use. The read message
     * is kept for its stored form only: its own lazily deserialised payload is never asked for, so it never holds
     * one.
     */
    private final class Shared<T> extends AbstractMessage<T> {

        private final EventMessage<T> read;
        private final long globalIndex;
        private final MetaData metaDataOverride;

        private Shared(EventMessage<T> read, long globalIndex, MetaData metaDataOverride) {
            super(read.getIdentifier());
            this.read = read;
            this.globalIndex = globalIndex;
            this.metaDataOverride = metaDataOverride;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T getPayload() {
            return (T) decoded().payload();
        }

        @Override
        public MetaData getMetaData() {
            return metaDataOverride != null ? metaDataOverride : decoded().metaData();
        }

        @Override
        public Class<T> getPayloadType() {
            return read.getPayloadType();
        }

        @Override
        protected Message<T> withMetaData(MetaData metaData) {
            return new Shared<>(read, globalIndex, metaData);
        }

        private DecodedEvents.Decoded decoded() {
            return globalIndex < 0 ? decode() : decoded.decoded(globalIndex, getIdentifier(), this::decode);
        }

        private DecodedEvents.Decoded decode() {
            return DecodedEvents.of(serializer.deserialize(read.serializePayload(serializer, byte[].class)),
                    metaData.read(read.serializeMetaData(serializer, byte[].class)));
        }
    }

    /**
     * Reads an event's stored meta data as Axon's Jackson serializer does (its {@code MetaDataDeserializer}: a JSON
     * object read as a map of values by the serializer's own mapper), with the map's
     * reader made once: Axon's looks the map's type and its deserializer up again for every event, 5.6% of the
     * live read side's processor samples (docs/benchmarks.md). Any other serializer reads it its own way.
     */
    static final class MetaDataReader {

        private final Serializer serializer;
        private final ObjectReader map;

        private MetaDataReader(Serializer serializer, ObjectReader map) {
            this.serializer = serializer;
            this.map = map;
        }

        static MetaDataReader of(Serializer serializer) {
            return new MetaDataReader(serializer, serializer instanceof JacksonSerializer jackson
                    ? jackson.getObjectMapper().readerFor(new TypeReference<Map<String, Object>>() {
                    })
                    : null);
        }

        MetaData read(SerializedObject<byte[]> stored) {
            if (map == null || !MetaData.class.getName().equals(stored.getType().getName())) {
                return serializer.deserialize(stored);
            }
            try {
                Map<String, Object> values = map.readValue(stored.getData());
                // A stored JSON null reads as null, as it does through the serializer.
                return values == null ? null : MetaData.from(values);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Stored meta data could not be read", unreadable);
            }
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
        // Stored (in the appending transaction): what the rows will decode to is known already.
        for (EventMessage<?> event : events) {
            decoded.appended(event.getIdentifier(), event.getPayload(), event.getMetaData());
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }

    EventStorageEngine delegate() {
        return delegate;
    }
}
