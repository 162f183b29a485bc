package uk.frontdoor.infra.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.infra.operations.ProjectionAdmin;
import uk.frontdoor.infra.operations.ProjectionAdminException;
import uk.frontdoor.infra.operations.ProjectionStatus;
import uk.frontdoor.infra.operations.ProjectionStatus.Rebuild;
import uk.frontdoor.infra.operations.ProjectionStatus.Segment;
import uk.frontdoor.infra.operations.ProjectionStatus.State;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.EventJson;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.dataprotection.PersonalDataModule;

import javax.sql.DataSource;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
 * <p>The replay itself ({@code frontdoor.projections.rebuild.bulk}, on by default) is a {@link BulkReplay}: the
 * processor stays shut down while a thread of its own hands the store's events to the processor's handlers a page
 * at a time ({@code frontdoor.projections.rebuild.page-size} events, one transaction each, the tokens stored with
 * each page), then starts the processor, which carries on from the last page's tokens: events stored meanwhile are
 * handled by the processor as always. Should the replay fail, the processor is started all the same and meets the
 * failing event itself, so the failure shows as the projection's error. With the setting off, the processor
 * replays by itself, as Axon does.
 *
 * <p>One node: resetting needs every segment's claim, so on several nodes the processor must be
 * stopped on the others first (Axon refuses the reset while another node holds a segment). The replay keeps
 * those claims (each page's tokens are stored under them) until the processor takes over.
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
    /** Bulk replays under way on this node, by projection; the processor is shut down meanwhile. */
    private final Map<String, BulkReplay> replays = new ConcurrentHashMap<>();
    private final Map<String, Thread> replayThreads = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private final ObjectProvider<PersonalDataKeys> keys;
    private final boolean bulk;
    private volatile int pageSize;
    private volatile boolean closing;

    AxonProjectionAdmin(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<EventStore> events,
                        JdbcClient jdbc, Clock clock, DataSource dataSource,
                        ObjectProvider<org.axonframework.config.Configuration> axon, ObjectProvider<PersonalDataKeys> keys,
                        @Value("${frontdoor.projections.rebuild.bulk:true}") boolean bulk,
                        @Value("${frontdoor.projections.rebuild.page-size:5000}") int pageSize) {
        this.processing = processing;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dataSource = dataSource;
        this.axon = axon;
        this.keys = keys;
        this.bulk = bulk;
        this.pageSize = pageSize;
    }

    /** The events of a bulk replay's page, for the rebuilds started from now on (tests try pages of every size). */
    void pageSize(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("a page holds at least one event");
        }
        this.pageSize = events;
    }

    /** A replay under way stops after its page (its tokens say where); the processor resumes there next time. */
    @PreDestroy
    void stopReplays() throws InterruptedException {
        closing = true;
        for (Thread thread : replayThreads.values()) {
            thread.join(30_000);
        }
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
            boolean replaying = false;
            try {
                processor.resetTokens();
                jdbc.sql("""
                                INSERT INTO projection_rebuilds (projection, started_by, started_role, started_at,
                                                                 head_at_start)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(name, by.userId(), by.role().name(), Timestamp.from(clock.instant()), head)
                        .update();
                replaying = bulk && processor instanceof PooledStreamingEventProcessor pooled && replayInBulk(pooled, head);
            } finally {
                // Started again whatever happened: a failed reset leaves the old tokens and the old tables. A bulk
                // replay starts it when it ends.
                if (!replaying) {
                    processor.start();
                }
            }
            return status(processor, head);
        } finally {
            starting.remove(name);
        }
    }

    /**
     * Starts the processor's replay in bulk on a thread of its own, which starts the processor when it ends. Pooled
     * processors only: their interceptors are the configuration's (a tracking processor adds one of its own that
     * stores its tokens, which would not do here), and every read model's processor is one.
     */
    private boolean replayInBulk(PooledStreamingEventProcessor processor, long head) {
        String name = processor.getName();
        EventProcessingConfiguration configuration = processing.getObject();
        // The personal fields none of its handlers reads are left sealed: decrypting them was about a third of the
        // replay's reading thread. The processor, live, decodes its events whole as before.
        Set<PersonalDataModule.Field> unread = UnreadPersonalFieldsOf.processor(processor.eventHandlerInvoker());
        Serializer serializer = unread.isEmpty() ? axon.getObject().eventSerializer()
                : EventJson.skipping(keys.getObject(), unread);
        BulkReplay replay = new BulkReplay(name, processor.eventHandlerInvoker(), processor.getHandlerInterceptors(),
                new StoredEvents(dataSource, serializer, axon.getObject().upcasterChain(), keys.getObject()),
                configuration.tokenStore(name), configuration.transactionManager(name), pageSize);
        replays.put(name, replay);
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            try {
                long read = replay.run(head, () -> closing);
                log.info("Projection {} replayed {} events in bulk in {} ms, to position {}; its processor carries on",
                        name, read, (System.nanoTime() - started) / 1_000_000, replay.position());
            } catch (Throwable failure) {
                // The class only: a database error can quote the values it choked on.
                log.error("Projection {}: the bulk replay stopped after position {} on {} at {}; its processor carries "
                                + "on from there and meets the failure itself", name, replay.position(),
                        failure.getClass().getName(), where(failure));
            } finally {
                try {
                    if (!closing) {
                        processor.start();
                    }
                } finally {
                    replays.remove(name);
                    replayThreads.remove(name);
                }
            }
        }, "projection-rebuild-" + name);
        thread.setDaemon(true);
        replayThreads.put(name, thread);
        thread.start();
        return true;
    }

    /** Where a failure was thrown: its first frames, without its message (which may quote values). */
    private static String where(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).limit(6).map(StackTraceElement::toString)
                .collect(java.util.stream.Collectors.joining(" < "));
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
        BulkReplay replay = replays.get(name);
        if (replay != null) {
            return replaying(name, replay, head);
        }
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

    /** A projection whose bulk replay is under way: its processor is shut down, the replay holds its segments. */
    private ProjectionStatus replaying(String name, BulkReplay replay, long head) {
        long position = replay.position();
        long lag = Math.max(0, head - position);
        List<Segment> segments = Arrays.stream(replay.segmentIds()).sorted()
                .mapToObj(segment -> new Segment(segment, true, false, true, false, position == 0 ? null : position, lag))
                .toList();
        return new ProjectionStatus(name, State.REBUILDING, true, false, true, position, head, lag,
                lag > 0 ? oldestUnprocessedAge(position) : null, segments,
                lastRebuild(name, position, true, false).orElse(null));
    }

    /** Where the projection stands on this node: a bulk replay's position while one is under way. */
    long positionOf(StreamingEventProcessor processor) {
        BulkReplay replay = replays.get(processor.getName());
        return replay != null ? replay.position() : position(processor);
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
