package uk.frontdoor.infra.axon;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.frontdoor.triage.StoredInstantDeserializer;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * The JDBC event store's table read for a bulk replay: a page of thousands of events in one statement, where the
 * storage engine reads 100 at a time (a round trip each, and under load each round trip waits its turn for a CPU).
 * Each row becomes what Axon's {@code JdbcEventStorageEngine} makes of it: the same tracked event data, the same
 * upcasters and serializer (payloads deserialised when a handler asks), and the same gap-aware tracking token,
 * advanced over the rows as the engine advances it (gaps kept only among events younger than its gap timeout, at
 * most its gap offset behind). The timestamp is parsed once, for that rule, and handed to the message, where the
 * engine parses it once more for each. The data keys of the page's children are read together before any event is
 * decoded, as the shared decoding reads those of a hundred events, and held for the page: its events are decoded (when
 * a handler first asks for a payload) while the page's handling {@link PersonalDataKeys.Held#use uses} them.
 */
final class StoredEvents {

    /** Axon's defaults for the JDBC storage engine, which the service does not change. */
    static final Duration GAP_TIMEOUT = Duration.ofMillis(60_000);
    static final int MAX_GAP_OFFSET = 10_000;
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    /** The aggregate whose identifier names the data key of its events' personal fields. */
    private static final String CHILD = "Child";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final PersonalDataKeys keys;

    StoredEvents(DataSource dataSource, Serializer serializer, EventUpcaster upcasters, PersonalDataKeys keys) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.keys = keys;
    }

    /** An event as read, with its timestamp already parsed and the token the engine would have given it. */
    record Read(TrackedEventMessage<?> event, GapAwareTrackingToken token, Instant timestamp) {
    }

    /**
     * A page: its events as the upcasters left them, the token of its last row, and how many rows it read (fewer
     * than asked for: the head is reached).
     */
    record Page(List<Read> events, GapAwareTrackingToken last, int rows, PersonalDataKeys.Held keys) {
    }

    /**
     * A stored timestamp as Axon's {@link DateTimeUtils#parseInstant} reads it: what the storage engine writes
     * ({@link DateTimeUtils#formatInstant}, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}) read by its digits, as the events' own
     * instants are ({@link StoredInstantDeserializer#parse}); anything else by Axon's parser. The formatter's parse was
     * about a twelfth of a rebuild's reading thread.
     */
    static Instant parseTimestamp(String stored) {
        Instant read = StoredInstantDeserializer.parse(stored);
        return read != null ? read : DateTimeUtils.parseInstant(stored);
    }

    /** Up to {@code limit} rows after {@code last} (from the first if null), none past {@code head}. */
    Page after(GapAwareTrackingToken last, long head, int limit) {
        return after(last, head, limit, type -> false);
    }

    /**
     * As {@link #after(GapAwareTrackingToken, long, int)}, the payloads of the events whose payload type {@code decode}
     * accepts decoded now, on the caller's thread, with the page's keys: the rest, and every event's metadata, when a
     * handler asks (the projections' handlers do not ask for metadata: decoding it ahead was about a tenth of the
     * reading thread's time for nothing).
     */
    Page after(GapAwareTrackingToken last, long head, int limit, Predicate<Class<?>> decode) {
        Instant gapTimeoutFrame = GenericEventMessage.clock.instant().minus(GAP_TIMEOUT);
        List<TrackedEventData<?>> rows = new ArrayList<>(limit);
        Map<Long, Instant> timestamps = new HashMap<>(limit * 2);
        Set<String> children = new LinkedHashSet<>();
        GapAwareTrackingToken[] token = {last};
        jdbc.query("""
                        SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                               payloadtype, payloadrevision, payload, metadata
                        FROM domainevententry WHERE globalindex > ? AND globalindex <= ? ORDER BY globalindex LIMIT ?""",
                rs -> {
                    long index = rs.getLong(1);
                    String type = rs.getString(5);
                    String aggregate = rs.getString(3);
                    String stored = rs.getString(6);
                    Instant timestamp = parseTimestamp(stored);
                    boolean allowGaps = timestamp.isAfter(gapTimeoutFrame);
                    GapAwareTrackingToken previous = token[0];
                    GapAwareTrackingToken next;
                    if (previous == null) {
                        next = GapAwareTrackingToken.newInstance(index, allowGaps
                                ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, index), index).boxed()
                                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                                : Collections.emptySortedSet());
                    } else {
                        next = previous.advanceTo(index, MAX_GAP_OFFSET);
                        if (!allowGaps) {
                            next = next.withGapsTruncatedAt(index);
                        }
                    }
                    token[0] = next;
                    timestamps.put(index, timestamp);
                    if (CHILD.equals(type)) {
                        children.add(aggregate);
                    }
                    rows.add(new TrackedDomainEventData<>(next, new GenericDomainEventEntry<>(type, aggregate,
                            rs.getLong(4), rs.getString(2), stored, rs.getString(7), rs.getString(8),
                            rs.getBytes(9), rs.getBytes(10))));
                },
                last == null ? 0 : last.getIndex(), head, limit);
        if (rows.isEmpty()) {
            return new Page(List.of(), last, 0, PersonalDataKeys.Held.NONE);
        }
        // Held for the page, not only put in the key cache: a rebuild meets more children than the cache holds,
        // and a key it dropped before its event was decoded was read again alone (up to 70,000 reads a rebuild).
        PersonalDataKeys.Held held = keys.held(children);
        List<Read> page = new ArrayList<>(rows.size());
        try (PersonalDataKeys.Scope using = held.use()) {
            EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters).forEach(event -> {
                GapAwareTrackingToken at = (GapAwareTrackingToken) event.trackingToken();
                if (decode.test(event.getPayloadType())) {
                    event.getPayload();
                }
                page.add(new Read(event, at, timestamps.get(at.getIndex())));
            });
        }
        return new Page(page, token[0], rows.size(), held);
    }
}
