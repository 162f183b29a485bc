package uk.frontdoor.projections.alerts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.query.AlertBoard.State;
import uk.frontdoor.triage.api.value.ClockType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Timeliness figures from the alert board's table, read at most every few seconds however often
 * they are scraped: open warnings and breaches by clock type (tags are codes, never a child), and
 * the share of contacts decided within one working day. During a rebuild of the board they hold
 * their last values rather than drop to the partial figures of a half-refilled table.
 */
@Component
class TimelinessMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final long ONE_WORKING_DAY_SECONDS = Duration.ofHours(24).toSeconds();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of(), Double.NaN);
    /** Set by the board's reset: the table is partial until its processor has replayed. */
    private volatile boolean rebuilding;

    TimelinessMetrics(JdbcClient jdbc, Clock clock, MeterRegistry meters,
                      ObjectProvider<EventProcessingConfiguration> processing) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.processing = processing;
        for (ClockType type : ClockType.values()) {
            for (State state : new State[]{State.WARNING, State.BREACHED}) {
                Gauge.builder("frontdoor.alerts.open", this, metrics -> metrics.open(type, state))
                        .description("Open timeliness warnings and breaches on the duty manager's board")
                        .tag("clock", type.name())
                        .tag("state", state.name())
                        .register(meters);
            }
        }
        Gauge.builder("frontdoor.contacts.decided.within.one.working.day", this, metrics -> metrics.current().share())
                .description("Share of decided contacts whose decision came within one working day of receipt")
                .register(meters);
    }

    private double open(ClockType type, State state) {
        return current().open().getOrDefault(type.name() + "/" + state.name(), 0L);
    }

    void holdWhileRebuilding() {
        rebuilding = true;
    }

    private Snapshot current() {
        Snapshot seen = snapshot;
        Instant now = clock.instant();
        if (seen.takenAt().plus(FRESH_FOR).isAfter(now) || stillRebuilding()) {
            return seen;
        }
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("""
                        SELECT type, state, count(*) AS n FROM timeliness_clocks
                        WHERE state IN ('WARNING', 'BREACHED') GROUP BY type, state""")
                .query((rs, row) -> open.put(rs.getString("type") + "/" + rs.getString("state"), rs.getLong("n")))
                .list();
        double share = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE working_seconds_taken <= ?) AS in_time, count(*) AS decided
                        FROM timeliness_clocks WHERE type = 'CONTACT_DECISION' AND stop_reason = 'DONE'""")
                .param(ONE_WORKING_DAY_SECONDS)
                .query((rs, row) -> rs.getLong("decided") == 0 ? Double.NaN
                        : (double) rs.getLong("in_time") / rs.getLong("decided"))
                .single();
        Snapshot fresh = new Snapshot(now, open, share);
        snapshot = fresh;
        return fresh;
    }

    /**
     * While the board is being rebuilt its table holds only the events replayed so far; the figures
     * stay at their last values until its processor has claimed its segments and stopped replaying.
     */
    private boolean stillRebuilding() {
        if (!rebuilding) {
            return false;
        }
        boolean refilled = processing.getObject()
                .eventProcessor(AlertBoardProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty() && !processor.isReplaying())
                .orElse(true);
        if (refilled) {
            rebuilding = false;
        }
        return !refilled;
    }

    private record Snapshot(Instant takenAt, Map<String, Long> open, double share) {
    }
}
