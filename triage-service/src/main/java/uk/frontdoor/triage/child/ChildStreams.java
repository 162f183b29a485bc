package uk.frontdoor.triage.child;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Many children's streams read at once, for work that folds thousands of children (a rule-set simulation): one
 * statement for the events of a whole group of children and one for their data keys, where reading them one by
 * one took a statement or two each. The rows are read as Axon's JDBC store reads them and go through the same
 * upcasters and serializer (decrypting personal fields with each child's key), so a child's events are the ones a
 * load of the child would give.
 *
 * <p>Only the payloads are wanted, so no event message is built around them: the stored time (text, slow to parse)
 * and the metadata are decoded only if an upcaster asks for them (none does). The payloads come as text ({@code convert_from}): the driver's decoding of a
 * {@code bytea} in hex, twice the bytes, was a sixth of the reading thread's time. A caller that folds only some
 * event types names them, and the others are left out before they are deserialised.
 */
public final class ChildStreams {

    private final JdbcClient jdbc;
    private final Supplier<Serializer> serializer;
    private final Supplier<EventUpcaster> upcasters;
    private final PersonalDataKeys keys;

    public ChildStreams(JdbcClient jdbc, Supplier<Serializer> serializer, Supplier<EventUpcaster> upcasters,
                        PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.keys = keys;
    }

    /** Each child's events in stream order, in the order the ids are given; a child with none has an empty list. */
    public Map<String, List<ChildEvent>> read(Collection<String> childIds) {
        return read(childIds, type -> true);
    }

    /**
     * The same, leaving out every event whose type (after upcasting) {@code wanted} refuses, without deserialising
     * it.
     */
    public Map<String, List<ChildEvent>> read(Collection<String> childIds, Predicate<Class<?>> wanted) {
        return read(childIds, wanted, List.of());
    }

    /**
     * The same, the children's events deserialised on {@code helpers} as well as on the calling thread: the
     * children are shared out in as many runs as there are threads, each child's events on one thread, in order.
     * Deserialising (and decrypting) is most of the work of reading; a statement's rows are read on the calling
     * thread.
     */
    public Map<String, List<ChildEvent>> read(Collection<String> childIds, Predicate<Class<?>> wanted,
                                              List<Executor> helpers) {
        if (childIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<DomainEventData<?>>> rows = new LinkedHashMap<>();
        childIds.forEach(id -> rows.put(id, new ArrayList<>()));
        keys.loadAll(childIds);
        jdbc.sql("""
                        SELECT aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype, payloadrevision,
                               convert_from(payload, 'UTF8') AS payload, timestamp,
                               convert_from(metadata, 'UTF8') AS metadata
                        FROM domainevententry WHERE aggregateidentifier = ANY (CAST(? AS varchar[]))
                        ORDER BY aggregateidentifier, sequencenumber""")
                .param(childIds.toArray(String[]::new))
                .query(rs -> {
                    rows.get(rs.getString(1)).add(new Row(rs.getString(3), rs.getString(1), rs.getLong(2),
                            rs.getString(4), rs.getString(8), new SimpleSerializedObject<>(rs.getString(7).getBytes(
                            StandardCharsets.UTF_8), byte[].class, rs.getString(5), rs.getString(6)),
                            rs.getString(9)));
                });
        List<Map.Entry<String, List<DomainEventData<?>>>> children = List.copyOf(rows.entrySet());
        int runs = Math.min(helpers.size() + 1, children.size());
        List<CompletableFuture<List<List<ChildEvent>>>> shared = new ArrayList<>();
        for (int run = 1; run < runs; run++) {
            List<Map.Entry<String, List<DomainEventData<?>>>> part = part(children, run, runs);
            shared.add(CompletableFuture.supplyAsync(() -> deserialise(part, wanted), helpers.get(run - 1)));
        }
        List<List<ChildEvent>> read = new ArrayList<>(deserialise(part(children, 0, runs), wanted));
        shared.forEach(part -> read.addAll(part.join()));
        Map<String, List<ChildEvent>> streams = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            streams.put(children.get(i).getKey(), read.get(i));
        }
        return streams;
    }

    private static <T> List<T> part(List<T> all, int run, int runs) {
        return all.subList(all.size() * run / runs, all.size() * (run + 1) / runs);
    }

    private List<List<ChildEvent>> deserialise(List<Map.Entry<String, List<DomainEventData<?>>>> children,
                                               Predicate<Class<?>> wanted) {
        Serializer serializer = this.serializer.get();
        EventUpcaster upcaster = upcasters.get();
        List<List<ChildEvent>> streams = new ArrayList<>(children.size());
        for (Map.Entry<String, List<DomainEventData<?>>> child : children) {
            List<ChildEvent> stream = new ArrayList<>(child.getValue().size());
            upcaster.upcast(child.getValue().stream().map(event -> new InitialEventRepresentation(event, serializer)))
                    .forEach(event -> {
                        Class<?> type = serializer.classForType(event.getType());
                        if (ChildEvent.class.isAssignableFrom(type) && wanted.test(type)) {
                            stream.add((ChildEvent) serializer.deserialize(data(event)));
                        }
                    });
            streams.add(stream);
        }
        return streams;
    }

    private static SerializedObject<?> data(IntermediateEventRepresentation event) {
        return event.getData();
    }

    /** A stored event as the upcasters see it; its time and metadata are decoded only if one asks for them. */
    private record Row(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                       String timestamp, SerializedObject<byte[]> payload, String metaData)
            implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return DateTimeUtils.parseInstant(timestamp);
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SimpleSerializedObject<>(metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8),
                    byte[].class, MetaData.class.getName(), null);
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
    }
}
