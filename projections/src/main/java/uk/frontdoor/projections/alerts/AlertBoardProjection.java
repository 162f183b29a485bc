package uk.frontdoor.projections.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.projections.ReadModelUpdates;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.query.AlertBoard.Change;
import uk.frontdoor.triage.api.query.AlertBoard.State;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.StrategyActionReference;
import uk.frontdoor.triage.api.query.FindAlert;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.query.FindOutOfHoursQueue;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The duty manager's alert board: every clock the children's streams started, and where it stands.
 * Open warnings and breaches are the board; each change to one is pushed to subscribers (the board's
 * live stream), except while replaying. Handlers are idempotent, so the table rebuilds from the
 * event store by resetting the processing group.
 *
 * <p>A started clock's row is held back for the processor's batch ({@link RowWrites}) and inserted with the batch's
 * others in one JDBC batch: a contact starts its clocks together, and one statement a clock was the largest part of
 * this processor's work. Every other handler reads the table (the row as it stands, to tell the board), so it first
 * sends the batch's held-back rows ({@link RowWrites#flush}) and then runs its statements at once, as before: the
 * statements still run in the order of the events.
 */
@Component
@ProcessingGroup(AlertBoardProjection.PROCESSING_GROUP)
class AlertBoardProjection {

    static final String PROCESSING_GROUP = "alerts";

    private static final String COLUMNS = """
            clock_id, child_id, contact_id, type, reference, team, priority, state, started_at, warn_at, due_at,
            warned_at, breached_at, stopped_at, acknowledged_by, acknowledged_at, acknowledgement, assigned_to,
            escalated_to, escalation_reason, done_by, done_recorded_by""";

    private final JdbcClient jdbc;
    private final RowWrites rows;
    private final QueryUpdateEmitter updates;
    private final AlertBoardBroadcast broadcast;
    private final Timer receiptToDecision;
    private final TimelinessMetrics metrics;

    AlertBoardProjection(JdbcClient jdbc, RowWrites rows, QueryUpdateEmitter updates, MeterRegistry meters,
                         TimelinessMetrics metrics) {
        this(jdbc, rows, updates, AlertBoardBroadcast.NONE, meters, metrics);
    }

    @Autowired
    AlertBoardProjection(JdbcClient jdbc, RowWrites rows, QueryUpdateEmitter updates,
                         ObjectProvider<AlertBoardBroadcast> broadcast, MeterRegistry meters, TimelinessMetrics metrics) {
        this(jdbc, rows, updates, broadcast.getIfAvailable(() -> AlertBoardBroadcast.NONE), meters, metrics);
    }

    private AlertBoardProjection(JdbcClient jdbc, RowWrites rows, QueryUpdateEmitter updates,
                                 AlertBoardBroadcast broadcast, MeterRegistry meters, TimelinessMetrics metrics) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.updates = updates;
        this.broadcast = broadcast;
        this.metrics = metrics;
        this.receiptToDecision = Timer.builder("frontdoor.contacts.receipt.to.decision")
                .description("Time from a contact's receipt to its authorised decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(14))
                .register(meters);
    }

    @EventHandler
    void on(ClockStarted event) {
        rows.write(PROCESSING_GROUP, event.clockId(), """
                        INSERT INTO timeliness_clocks (clock_id, child_id, contact_id, type, reference, team, priority,
                                                       state, started_at, warn_at, due_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (clock_id) DO NOTHING""",
                event.clockId(), event.childId().value(), event.contactId().value(), event.type().name(),
                event.reference(), event.team(), event.priority() == null ? null : event.priority().name(),
                State.RUNNING.name(), ts(event.startedAt()), ts(event.warnAt()), ts(event.dueAt()));
        changed(event.clockId(), event.contactId());
    }

    @EventHandler
    void on(ClockWarned event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        int changed = jdbc.sql("""
                        UPDATE timeliness_clocks SET state = 'WARNING', warned_at = ?
                        WHERE clock_id = ? AND state = 'RUNNING'""")
                .params(ts(event.at()), event.clockId())
                .update();
        changed(event.clockId(), event.contactId());
        if (changed > 0) {
            emit(Change.Kind.RAISED, event.clockId(), replay);
        }
    }

    @EventHandler
    void on(ClockBreached event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        int changed = jdbc.sql("""
                        UPDATE timeliness_clocks SET state = 'BREACHED', breached_at = ?
                        WHERE clock_id = ? AND state IN ('RUNNING', 'WARNING')""")
                .params(ts(event.at()), event.clockId())
                .update();
        changed(event.clockId(), event.contactId());
        if (changed > 0) {
            emit(Change.Kind.RAISED, event.clockId(), replay);
        }
    }

    @EventHandler
    void on(ClockStopped event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        Optional<Alert> before = find(event.clockId());
        if (before.isEmpty() || before.get().state() == State.STOPPED) {
            return;
        }
        jdbc.sql("""
                        UPDATE timeliness_clocks SET state = 'STOPPED', stopped_at = ?, stop_reason = ?, done_at = ?,
                               late = ?, working_seconds_taken = ?
                        WHERE clock_id = ?""")
                .params(ts(event.at()), event.reason().name(), ts(event.doneAt()), event.late(),
                        event.workingTimeTaken().toSeconds(), event.clockId())
                .update();
        changed(event.clockId(), event.contactId());
        if (before.get().state().open()) {
            emit(Change.Kind.CLOSED, event.clockId(), replay);
        }
        if (event.type() == ClockType.CONTACT_DECISION && event.reason() == ClockStopped.Reason.DONE
                && !replay.isReplay()) {
            receiptToDecision.record(Duration.between(event.startedAt(), event.doneAt()));
        }
    }

    /**
     * Who did a strategy action, on its alert: the action's event comes before the ClockStopped that closes the
     * alert, so the board's closing change already says who. The clock is the action's by its reference.
     */
    @EventHandler
    void on(StrategyActionDone event) {
        rows.flush(PROCESSING_GROUP);
        String clockId = jdbc.sql("""
                        UPDATE timeliness_clocks SET done_by = ?, done_recorded_by = ?
                        WHERE contact_id = ? AND type = 'STRATEGY_ACTION' AND reference = ?
                        RETURNING clock_id""")
                .params(event.doneBy(), event.actor().userId(), event.contactId().value(),
                        StrategyActionReference.of(event.discussionId(), event.action()))
                .query(String.class).optional().orElse(null);
        if (clockId != null) {
            changed(clockId, event.contactId());
        }
    }

    @EventHandler
    void on(AlertAcknowledged event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        jdbc.sql("""
                        UPDATE timeliness_clocks SET acknowledged_by = ?, acknowledged_at = ?, acknowledgement = ?
                        WHERE clock_id = ?""")
                .params(event.actor().userId(), ts(event.at()), event.note(), event.clockId())
                .update();
        changed(event.clockId(), event.contactId());
        emit(Change.Kind.UPDATED, event.clockId(), replay);
    }

    @EventHandler
    void on(AlertAssigned event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        jdbc.sql("UPDATE timeliness_clocks SET assigned_to = ? WHERE clock_id = ?")
                .params(event.assignee(), event.clockId())
                .update();
        changed(event.clockId(), event.contactId());
        emit(Change.Kind.UPDATED, event.clockId(), replay);
    }

    @EventHandler
    void on(AlertEscalated event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        jdbc.sql("UPDATE timeliness_clocks SET escalated_to = ?, escalation_reason = ? WHERE clock_id = ?")
                .params(event.escalatedTo(), event.reason(), event.clockId())
                .update();
        changed(event.clockId(), event.contactId());
        emit(Change.Kind.UPDATED, event.clockId(), replay);
    }

    /** The board filters by RAG: a re-rated contact's clocks move with it. */
    @EventHandler
    void on(PriorityChanged event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        List<String> open = jdbc.sql("""
                        UPDATE timeliness_clocks SET priority = ?
                        WHERE contact_id = ? AND state <> 'STOPPED'
                        RETURNING clock_id, state""")
                .params(event.to().name(), event.contactId().value())
                .query((rs, row) -> State.valueOf(rs.getString("state")).open() ? rs.getString("clock_id") : null)
                .list();
        open.stream().filter(id -> id != null).forEach(id -> emit(Change.Kind.UPDATED, id, replay));
    }

    /** The child's record was erased: its clocks leave the board (open ones are told to it as closed). */
    @EventHandler
    void on(ChildErased event, ReplayStatus replay) {
        rows.flush(PROCESSING_GROUP);
        jdbc.sql("SELECT clock_id FROM timeliness_clocks WHERE child_id = ? AND state IN ('WARNING', 'BREACHED')")
                .param(event.childId().value())
                .query(String.class).list()
                .forEach(id -> emit(Change.Kind.CLOSED, id, replay));
        jdbc.sql("DELETE FROM timeliness_clocks WHERE child_id = ?").param(event.childId().value()).update();
    }

    /** A rebuild empties the board; its gauges hold their last figures until it is refilled. */
    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM timeliness_clocks").update();
        metrics.holdWhileRebuilding();
    }

    @QueryHandler
    AlertBoard handle(FindAlerts query) {
        List<Object> params = new ArrayList<>();
        String where = filters(query, params);
        List<Object> page = new ArrayList<>(params);
        page.add(query.limit());
        List<Alert> alerts = jdbc.sql("SELECT " + COLUMNS + " FROM timeliness_clocks " + where
                        + " ORDER BY due_at, clock_id LIMIT ?")
                .params(page)
                .query(AlertBoardProjection::alert)
                .list();
        Map<State, Long> open = new EnumMap<>(State.class);
        open.put(State.WARNING, 0L);
        open.put(State.BREACHED, 0L);
        jdbc.sql("SELECT state, count(*) AS n FROM timeliness_clocks " + where + " GROUP BY state")
                .params(params)
                .query((rs, row) -> open.put(State.valueOf(rs.getString("state")), rs.getLong("n")))
                .list();
        return new AlertBoard(alerts, open);
    }

    @QueryHandler
    Optional<Alert> handle(FindAlert query) {
        return find(query.alertId());
    }

    /** A contact's own clocks, whatever their state: its page shows what is still owed and what was done. */
    @QueryHandler
    List<Alert> handle(FindContactClocks query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timeliness_clocks WHERE contact_id = ? ORDER BY due_at, clock_id")
                .param(query.contactId().value())
                .query(AlertBoardProjection::alert)
                .list();
    }

    @QueryHandler
    List<Alert> handle(FindOutOfHoursQueue query) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timeliness_clocks WHERE type = 'OUT_OF_HOURS' AND state <> 'STOPPED'"
                        + " ORDER BY due_at, clock_id")
                .query(AlertBoardProjection::alert)
                .list();
    }

    private Optional<Alert> find(String clockId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM timeliness_clocks WHERE clock_id = ?")
                .param(clockId)
                .query(AlertBoardProjection::alert)
                .optional();
    }

    /**
     * Tells the board's live subscribers about a change, but not during a rebuild: a replayed event
     * is old news, and the duty manager's stream must not raise every past warning again. Other
     * instances are told too (in this transaction), for boards open there.
     */
    private void emit(Change.Kind kind, String clockId, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        find(clockId).ifPresent(alert -> {
            updates.emit(FindAlerts.class, query -> query.matches(alert), new Change(kind, alert));
            broadcast.changed(kind, clockId);
        });
    }

    /**
     * A page waiting for a change it made to show (a subscription query) is sent the alert, or the
     * contact's clocks, as they now stand.
     */
    private void changed(String clockId, ContactId contactId) {
        ReadModelUpdates.afterCommit(updates, FindAlert.class, query -> query.alertId().equals(clockId),
                () -> find(clockId));
        ReadModelUpdates.afterCommit(updates, FindContactClocks.class, query -> query.contactId().equals(contactId),
                () -> Optional.of(handle(new FindContactClocks(contactId))));
    }

    private static String filters(FindAlerts query, List<Object> params) {
        StringBuilder where = new StringBuilder("WHERE state IN ('WARNING', 'BREACHED')");
        if (query.team() != null) {
            where.append(" AND team = ?");
            params.add(query.team());
        }
        if (query.type() != null) {
            where.append(" AND type = ?");
            params.add(query.type().name());
        }
        if (query.priority() != null) {
            where.append(" AND priority = ?");
            params.add(query.priority().name());
        }
        return where.toString();
    }

    private static Alert alert(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority");
        return new Alert(rs.getString("clock_id"), ChildId.of(rs.getString("child_id")),
                ContactId.of(rs.getString("contact_id")), ClockType.valueOf(rs.getString("type")),
                rs.getString("reference"), rs.getString("team"), priority == null ? null : Priority.valueOf(priority),
                State.valueOf(rs.getString("state")), instant(rs, "started_at"), instant(rs, "warn_at"),
                instant(rs, "due_at"), instant(rs, "warned_at"), instant(rs, "breached_at"),
                instant(rs, "stopped_at"), rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"),
                rs.getString("acknowledgement"), rs.getString("assigned_to"), rs.getString("escalated_to"),
                rs.getString("escalation_reason"), rs.getString("done_by"), rs.getString("done_recorded_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
