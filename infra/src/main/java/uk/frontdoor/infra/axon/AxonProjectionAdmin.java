package uk.frontdoor.infra.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.infra.operations.ProjectionAdmin;
import uk.frontdoor.infra.operations.ProjectionAdminException;
import uk.frontdoor.infra.operations.ProjectionStatus;
import uk.frontdoor.infra.operations.ProjectionStatus.Rebuild;
import uk.frontdoor.infra.operations.ProjectionStatus.Segment;
import uk.frontdoor.infra.operations.ProjectionStatus.State;
import uk.frontdoor.triage.api.value.Actor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projection admin over Axon's own view of its processors: every {@link StreamingEventProcessor}
 * the event-processing configuration holds, whatever module registered it, so a new read model
 * shows here without being listed anywhere.
 *
 * <p>A rebuild is Axon's reset: shut the processor down on this node, reset its tokens (which calls
 * the projection's {@code @ResetHandler}s, in the same transaction as the new replay tokens, so the
 * tables are emptied exactly when the tokens go back to the start) and start it again. The replay
 * then runs in the background. Each rebuild is recorded in {@code projection_rebuilds} with the
 * store's head at its start; it is complete once every segment has handled that head and none is
 * replaying.
 *
 * <p>One node: resetting needs every segment's claim, so on several nodes the processor must be
 * stopped on the others first (Axon refuses the reset while another node holds a segment).
 */
@Component
class AxonProjectionAdmin implements ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(AxonProjectionAdmin.class);

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<EventStore> events;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Rebuilds being started on this node: a second request for the same projection is refused. */
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    AxonProjectionAdmin(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> events,
                        JdbcClient jdbc, Clock clock) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<ProjectionStatus> projections() {
        long head = head();
        return processors().values().stream()
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> status(processor, head))
                .toList();
    }

    @Override
    public Optional<ProjectionStatus> projection(String name) {
        return processor(name).map(processor -> status(processor, head()));
    }

    @Override
    public ProjectionStatus rebuild(String name, Actor by) {
        StreamingEventProcessor processor = processor(name).orElseThrow(() -> ProjectionAdminException.unknown(name));
        if (!processor.supportsReset()) {
            throw new ProjectionAdminException(ProjectionAdminException.Reason.RESET_NOT_SUPPORTED,
                    "Projection '" + name + "' has handlers that must not see events twice, so it cannot be rebuilt.");
        }
        if (!starting.add(name)) {
            throw alreadyRebuilding(name);
        }
        try {
            long head = head();
            if (status(processor, head).rebuilding()) {
                throw alreadyRebuilding(name);
            }
            log.info("Projection {} rebuild requested by a {}; head at start {}", name, by.role(), head);
            processor.shutDown();
            try {
                processor.resetTokens();
                jdbc.sql("""
                                INSERT INTO projection_rebuilds (projection, started_by, started_role, started_at,
                                                                 head_at_start)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(name, by.userId(), by.role().name(), Timestamp.from(clock.instant()), head)
                        .update();
            } finally {
                // Started again whatever happened: a failed reset leaves the old tokens and the old tables.
                processor.start();
            }
            return status(processor, head);
        } finally {
            starting.remove(name);
        }
    }

    /** Every streaming processor by name, whichever module registered it. */
    Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.getObject().eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                streaming.put(entry.getKey(), processor);
            }
        }
        return streaming;
    }

    Optional<StreamingEventProcessor> processor(String name) {
        return Optional.ofNullable(name).map(processors()::get);
    }

    /** The event store's highest global index; 0 while it is empty. */
    long head() {
        TrackingToken token = events.getObject().createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    /** Every segment has handled up to here: the lowest position, 0 if a segment has none yet. */
    static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return 0;
        }
        return segments.values().stream()
                .mapToLong(segment -> segment.getCurrentPosition().orElse(0))
                .min().orElse(0);
    }

    ProjectionStatus status(StreamingEventProcessor processor, long head) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> tracked = processor.processingStatus();
        List<Segment> segments = tracked.values().stream()
                .sorted(Comparator.comparingInt(status -> status.getSegment().getSegmentId()))
                .map(status -> {
                    OptionalLong at = status.getCurrentPosition();
                    return new Segment(status.getSegment().getSegmentId(), true, status.isCaughtUp(),
                            status.isReplaying(), status.isErrorState(), at.isPresent() ? at.getAsLong() : null,
                            Math.max(0, head - at.orElse(0)));
                })
                .toList();
        long position = position(processor);
        long lag = Math.max(0, head - position);
        boolean replaying = processor.isReplaying();
        boolean error = processor.isError() || segments.stream().anyMatch(Segment::error);
        boolean running = processor.isRunning();
        Rebuild rebuild = lastRebuild(name, position, replaying, running && !tracked.isEmpty()).orElse(null);
        State state;
        if (error) {
            state = State.ERROR;
        } else if (!running) {
            state = State.STOPPED;
        } else if (replaying || (rebuild != null && !rebuild.complete())) {
            state = State.REBUILDING;
        } else if (lag > 0) {
            state = State.CATCHING_UP;
        } else {
            state = State.UP_TO_DATE;
        }
        return new ProjectionStatus(name, state, running, error, replaying, position, head, lag,
                lag > 0 ? oldestUnprocessedAge(position) : null, segments, rebuild);
    }

    /**
     * The latest rebuild. Under way until every segment has passed the head at its start and none
     * is replaying; the first status that sees it complete records when.
     */
    private Optional<Rebuild> lastRebuild(String name, long position, boolean replaying, boolean tracking) {
        return jdbc.sql("""
                        SELECT id, started_by, started_at, head_at_start, completed_at FROM projection_rebuilds
                        WHERE projection = ? ORDER BY started_at DESC, id DESC LIMIT 1""")
                .param(name)
                .query((rs, row) -> {
                    long headAtStart = rs.getLong("head_at_start");
                    Timestamp completedAt = rs.getTimestamp("completed_at");
                    Instant completed = completedAt == null ? null : completedAt.toInstant();
                    if (completed == null && tracking && !replaying && position >= headAtStart) {
                        completed = clock.instant();
                        jdbc.sql("UPDATE projection_rebuilds SET completed_at = ? WHERE id = ? AND completed_at IS NULL")
                                .params(Timestamp.from(completed), rs.getLong("id"))
                                .update();
                    }
                    int percent = completed != null || headAtStart == 0 ? 100
                            : (int) Math.min(99, Math.max(0, position * 100 / headAtStart));
                    return new Rebuild(rs.getLong("id"), rs.getString("started_by"),
                            rs.getTimestamp("started_at").toInstant(), headAtStart, completed, percent);
                })
                .optional();
    }

    /**
     * How long ago the first event the processor has not handled was stored: one indexed row of
     * Axon's table (timestamps there are ISO-8601 text).
     */
    private Duration oldestUnprocessedAge(long position) {
        return jdbc.sql("SELECT timestamp FROM domainevententry WHERE globalindex > ? ORDER BY globalindex LIMIT 1")
                .param(position)
                .query(String.class)
                .optional()
                .flatMap(AxonProjectionAdmin::instant)
                .map(stored -> Duration.between(stored, clock.instant()))
                .map(age -> age.isNegative() ? Duration.ZERO : age)
                .orElse(null);
    }

    private static Optional<Instant> instant(String stored) {
        try {
            return Optional.of(Instant.parse(stored));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ProjectionAdminException alreadyRebuilding(String name) {
        return new ProjectionAdminException(ProjectionAdminException.Reason.ALREADY_REBUILDING,
                "Projection '" + name + "' is being rebuilt already.");
    }
}
