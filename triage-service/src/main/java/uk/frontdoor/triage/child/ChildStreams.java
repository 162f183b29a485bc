package uk.frontdoor.triage.child;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Many children's streams read at once, for work that folds thousands of children (a rule-set simulation): one
 * statement for the events of a whole group of children and one for their data keys, where reading them one by
 * one took a statement or two each. The rows are read exactly as Axon's JDBC store reads them and go through the
 * same upcasters and serializer (decrypting personal fields with each child's key), so a child's events are
 * the ones a load of the child would give.
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
        Map<String, List<DomainEventData<?>>> rows = new LinkedHashMap<>();
        childIds.forEach(id -> rows.put(id, new ArrayList<>()));
        if (childIds.isEmpty()) {
            return Map.of();
        }
        keys.loadAll(childIds);
        jdbc.sql("""
                        SELECT eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, payloadtype,
                               payloadrevision, payload, metadata
                        FROM domainevententry WHERE aggregateidentifier = ANY (CAST(? AS varchar[]))
                        ORDER BY aggregateidentifier, sequencenumber""")
                .param(childIds.toArray(String[]::new))
                .query(rs -> {
                    rows.get(rs.getString("aggregateidentifier")).add(new GenericDomainEventEntry<>(
                            rs.getString("type"), rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                            rs.getString("eventidentifier"), rs.getString("timestamp"), rs.getString("payloadtype"),
                            rs.getString("payloadrevision"), rs.getBytes("payload"), rs.getBytes("metadata")));
                });
        Map<String, List<ChildEvent>> streams = new LinkedHashMap<>();
        rows.forEach((childId, events) -> {
            List<ChildEvent> stream = new ArrayList<>(events.size());
            DomainEventStream read = EventStreamUtils.upcastAndDeserializeDomainEvents(events.stream(),
                    serializer.get(), upcasters.get());
            while (read.hasNext()) {
                DomainEventMessage<?> event = read.next();
                if (event.getPayload() instanceof ChildEvent childEvent) {
                    stream.add(childEvent);
                }
            }
            streams.put(childId, stream);
        });
        return streams;
    }
}
