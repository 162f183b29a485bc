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
import com.fasterxml.jackson.databind.ObjectReader;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * and the metadata are decoded only if an upcaster asks for them (none does). The payloads come in PostgreSQL's
 * binary form (the statement is prepared on the server at once, {@code prepareThreshold} -1): as raw bytes, where
 * in text form the driver decoded a {@code bytea} from hex (twice the bytes), or, read as text, the server checked
 * and the driver decoded UTF-8 that was then encoded back to bytes. A caller that folds only some event types
 * names them, and only those rows are read: the statement asks for their stored type names, which is exact while
 * no upcaster renames a type (none does: each one moves a type to its next revision under the same name; one that
 * renamed a type would have to add the old name to {@link #storedNames}).
 */
public final class ChildStreams {

    private static final String EVENTS = """
            SELECT aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype, payloadrevision, payload,
                   timestamp, metadata
            FROM domainevententry WHERE aggregateidentifier = ANY (?)%s
            ORDER BY aggregateidentifier, sequencenumber""";

    private final JdbcTemplate jdbc;
    private final Supplier<Serializer> serializer;
    private final Supplier<EventUpcaster> upcasters;
    private final PersonalDataKeys keys;
    /** A reader per event class, made once: the serializer's own lookup for each event was a visible share. */
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    public ChildStreams(JdbcTemplate jdbc, Supplier<Serializer> serializer, Supplier<EventUpcaster> upcasters,
                        PersonalDataKeys keys) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.keys = keys;
    }

    /**
     * The same streams, deserialised by another serializer of the event store's JSON: one made by
     * {@code EventJson.opening}, which decrypts only the personal fields its caller reads.
     */
    public ChildStreams readBy(Serializer serializer) {
        return new ChildStreams(jdbc, () -> serializer, upcasters, keys);
    }

    /** Each child's events in stream order, in the order the ids are given; a child with none has an empty list. */
    public Map<String, List<ChildEvent>> read(Collection<String> childIds) {
        return read(childIds, type -> true, null, List.of());
    }

    /**
     * The same, with only the events of these types (after upcasting): the others are not read. Each
     * child's events are deserialised on {@code helpers} as well as on the calling thread: the children are shared
     * out in as many runs as there are threads, each child's events on one thread, in order. Deserialising (and
     * decrypting) is most of the work of reading; a statement's rows are read on the calling thread.
     */
    public Map<String, List<ChildEvent>> read(Collection<String> childIds,
                                              Set<Class<? extends ChildEvent>> types, List<Executor> helpers) {
        return read(childIds, types::contains, storedNames(types), helpers);
    }

    private Map<String, List<ChildEvent>> read(Collection<String> childIds, Predicate<Class<?>> wanted,
                                               String[] storedTypes, List<Executor> helpers) {
        if (childIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<DomainEventData<?>>> rows = new LinkedHashMap<>();
        childIds.forEach(id -> rows.put(id, new ArrayList<>()));
        keys.loadAll(childIds);
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(EVENTS.formatted(
                    storedTypes == null ? "" : " AND payloadtype = ANY (?)"));
            // Binary results at once: the payload's bytes as stored.
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            statement.setArray(1, connection.createArrayOf("varchar", childIds.toArray()));
            if (storedTypes != null) {
                statement.setArray(2, connection.createArrayOf("varchar", storedTypes));
            }
            return statement;
        }, (ResultSet rs) -> {
            rows.get(rs.getString(1)).add(new Row(rs.getString(3), rs.getString(1), rs.getLong(2),
                    rs.getString(4), rs.getString(8), new SimpleSerializedObject<>(rs.getBytes(7), byte[].class,
                    rs.getString(5), rs.getString(6)), rs.getBytes(9)));
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

    /** The names these types are stored under. */
    private static String[] storedNames(Set<Class<? extends ChildEvent>> types) {
        return types.stream().map(Class::getName).sorted().toArray(String[]::new);
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
                            stream.add((ChildEvent) deserialize(serializer, type, data(event)));
                        }
                    });
            streams.add(stream);
        }
        return streams;
    }

    /**
     * As the serializer deserialises it; for the event store's Jackson serializer and a payload still in its stored
     * bytes, by a reader for the class made once (which is what the serializer does with a new reader each time).
     */
    private Object deserialize(Serializer serializer, Class<?> type, SerializedObject<?> data) {
        if (serializer instanceof JacksonSerializer jackson && data.getData() instanceof byte[] bytes) {
            try {
                return readers.computeIfAbsent(type, jackson.getObjectMapper()::readerFor).readValue(bytes);
            } catch (IOException e) {
                throw new SerializationException("Error while deserializing object", e);
            }
        }
        return serializer.deserialize(data);
    }

    private static SerializedObject<?> data(IntermediateEventRepresentation event) {
        return event.getData();
    }

    /** A stored event as the upcasters see it; its time and metadata are decoded only if one asks for them. */
    private record Row(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                       String timestamp, SerializedObject<byte[]> payload, byte[] metaData)
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
            return new SimpleSerializedObject<>(metaData, byte[].class, MetaData.class.getName(), null);
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return payload;
        }
    }
}
