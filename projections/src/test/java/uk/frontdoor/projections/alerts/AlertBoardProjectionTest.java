package uk.frontdoor.projections.alerts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import uk.frontdoor.projections.ProjectionFeed;
import uk.frontdoor.projections.ReadModelDatabase;
import uk.frontdoor.projections.RowWrites;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AlertAssigned;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.query.AlertBoard;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.query.AlertBoard.Change;
import uk.frontdoor.triage.api.query.AlertBoard.State;
import uk.frontdoor.triage.api.query.FindAlert;
import uk.frontdoor.triage.api.query.FindAlerts;
import uk.frontdoor.triage.api.query.FindContactClocks;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.StrategyActionReference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.projections.ChildEvents.MANAGER1;
import static uk.frontdoor.projections.ChildEvents.SW1;
import static uk.frontdoor.projections.ChildEvents.child;
import static uk.frontdoor.projections.ChildEvents.contact;

/**
 * The duty manager's alert board alone on a real PostgreSQL: clocks in, board out; live changes go to
 * the board's subscribers for new events and never for a replay; the timeliness gauges read the table.
 */
class AlertBoardProjectionTest {

    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");

    private final ReadModelDatabase database = ReadModelDatabase.get();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final SimpleQueryUpdateEmitter updates = SimpleQueryUpdateEmitter.builder().build();
    // Asked about the board's processor only while a rebuild is under way: there is none here.
    private final TimelinessMetrics metrics = new TimelinessMetrics(database.jdbc(),
            Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC), meters,
            new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class));
    private final AlertBoardProjection projection = new AlertBoardProjection(database.jdbc(),
            new RowWrites(database.dataSource()), updates, meters, metrics);
    private final List<Change> changes = new ArrayList<>();
    private ProjectionFeed feed;

    private final ChildId childA = child();
    private final ChildId childB = child();
    private final ContactId a = contact();
    private final ContactId b = contact();
    private final String decision = "clock-" + a.value();
    private final String interview = "clock-" + b.value();
    private final String check = "check-" + a.value();

    @BeforeEach
    void boardOfThreeClocks() {
        projection.reset();
        feed = new ProjectionFeed(projection);
        updates.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(new FindAlerts(null, null, null, 100),
                        ResponseTypes.instanceOf(AlertBoard.class), ResponseTypes.instanceOf(Change.class)), 100)
                .getUpdates().subscribe(update -> changes.add((Change) update.getPayload()));

        feed.apply(T0, started(childA, a, decision, ClockType.CONTACT_DECISION, "MASH", Priority.AMBER, T0,
                        T0.plus(Duration.ofHours(8))),
                started(childB, b, interview, ClockType.RETURN_HOME_INTERVIEW, "MISSING", Priority.RED,
                        T0.minus(Duration.ofHours(80)), T0.minus(Duration.ofHours(8))),
                started(childA, a, check, ClockType.PARTNER_CHECK, "MASH", Priority.AMBER, T0, T0.plus(Duration.ofHours(24))),
                new ClockWarned(childA, a, decision, ClockType.CONTACT_DECISION, T0.plus(Duration.ofHours(8)),
                        T0.plus(Duration.ofHours(6))),
                new ClockWarned(childA, a, check, ClockType.PARTNER_CHECK, T0.plus(Duration.ofHours(24)),
                        T0.plus(Duration.ofHours(18))),
                new AlertAcknowledged(childA, a, decision, "Worker on it", MANAGER1, T0.plus(Duration.ofHours(6))),
                new AlertAssigned(childA, a, decision, "sw2", MANAGER1, T0.plus(Duration.ofHours(6))),
                new AlertEscalated(childA, a, decision, "head-of-service", "Third this week", MANAGER1,
                        T0.plus(Duration.ofHours(6))),
                new ClockBreached(childB, b, interview, ClockType.RETURN_HOME_INTERVIEW, T0.minus(Duration.ofHours(8)),
                        T0.minus(Duration.ofHours(8))),
                new PriorityChanged(childA, a, Priority.AMBER, Priority.RED, T0.plus(Duration.ofHours(7)), "Injury seen",
                        SW1, T0.plus(Duration.ofHours(6))),
                new ClockStopped(childA, a, decision, ClockType.CONTACT_DECISION, ClockStopped.Reason.DONE, T0,
                        T0.plus(Duration.ofHours(8)), T0.plus(Duration.ofHours(7)), false, Duration.ofHours(7),
                        T0.plus(Duration.ofHours(7))));
    }

    @Test
    void the_board_shows_open_warnings_and_breaches_and_a_replay_writes_the_same_rows() {
        AlertBoard board = projection.handle(new FindAlerts(null, null, null, 100));
        assertThat(board.alerts()).extracting(Alert::alertId).containsExactly(interview, check);
        assertThat(board.open()).containsExactlyInAnyOrderEntriesOf(Map.of(State.WARNING, 1L, State.BREACHED, 1L));
        assertThat(board.alerts().get(1).priority()).isEqualTo(Priority.RED);
        assertThat(projection.handle(new FindAlerts("MISSING", null, null, 100)).alerts()).extracting(Alert::alertId)
                .containsExactly(interview);
        assertThat(projection.handle(new FindAlerts(null, ClockType.PARTNER_CHECK, Priority.RED, 100)).alerts())
                .extracting(Alert::alertId).containsExactly(check);
        assertThat(projection.handle(new FindAlerts(null, null, Priority.GREEN, 100)).alerts()).isEmpty();

        Alert done = projection.handle(new FindAlert(decision)).orElseThrow();
        assertThat(done.state()).isEqualTo(State.STOPPED);
        assertThat(done.acknowledgedBy()).isEqualTo("manager1");
        assertThat(done.acknowledgement()).isEqualTo("Worker on it");
        assertThat(done.assignedTo()).isEqualTo("sw2");
        assertThat(done.escalatedTo()).isEqualTo("head-of-service");
        assertThat(done.priority()).as("re-rated with its contact while it was still open").isEqualTo(Priority.RED);
        assertThat(projection.handle(new FindContactClocks(a))).extracting(Alert::alertId).containsExactly(decision, check);
        assertThat(projection.handle(new FindAlert("no-such-clock"))).isEmpty();

        List<Map<String, Object>> rows = database.rows("timeliness_clocks", "clock_id");
        assertThat(rows).hasSize(3);
        feed.replay();
        assertThat(database.rows("timeliness_clocks", "clock_id")).isEqualTo(rows);
        assertThat(projection.handle(new FindAlerts(null, null, null, 100))).isEqualTo(board);
    }

    /**
     * Started clocks are inserted with the batch, and every other event first sends them: a batch that starts a clock
     * and then warns, breaches or stops it must leave the row that handling the events one at a time leaves.
     */
    @Test
    void a_replay_in_one_batch_or_in_batches_of_any_size_writes_the_rows_handling_one_event_at_a_time_writes() {
        List<Map<String, Object>> live = database.rows("timeliness_clocks", "clock_id");
        int changesLive = changes.size();
        feed.replayInOneBatch();
        assertThat(database.rows("timeliness_clocks", "clock_id")).as("replayed in one batch").isEqualTo(live);
        for (int size = 1; size <= 12; size++) {
            feed.replayInBatchesOf(size);
            assertThat(database.rows("timeliness_clocks", "clock_id")).as("replayed in batches of %d", size)
                    .isEqualTo(live);
        }
        assertThat(changes).as("a replay tells the board nothing").hasSize(changesLive);
    }

    @Test
    void subscribers_hear_of_each_change_as_it_happens_but_not_of_a_replay() {
        assertThat(changes).extracting(Change::kind).containsExactly(
                Change.Kind.RAISED, Change.Kind.RAISED, Change.Kind.UPDATED, Change.Kind.UPDATED, Change.Kind.UPDATED,
                Change.Kind.RAISED, Change.Kind.UPDATED, Change.Kind.UPDATED, Change.Kind.CLOSED);
        assertThat(changes.get(changes.size() - 1).alert().alertId()).isEqualTo(decision);
        int heard = changes.size();
        feed.replay();
        assertThat(changes).hasSize(heard);
    }

    @Test
    void the_time_from_receipt_to_decision_is_timed_once_and_never_by_a_replay() {
        assertThat(meters.get("frontdoor.contacts.receipt.to.decision").timer().count()).isEqualTo(1);
        feed.replay();
        assertThat(meters.get("frontdoor.contacts.receipt.to.decision").timer().count()).isEqualTo(1);
    }

    @Test
    void the_gauges_count_open_alerts_by_clock_and_the_share_decided_within_a_working_day() {
        // A fresh instance: the one the board holds was told by this test's reset that a rebuild is under way.
        MeterRegistry registry = new SimpleMeterRegistry();
        TimelinessMetrics fresh = new TimelinessMetrics(database.jdbc(), Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC), registry,
                new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class));
        assertThat(registry.get("frontdoor.alerts.open").tags("clock", "RETURN_HOME_INTERVIEW", "state", "BREACHED")
                .gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("frontdoor.alerts.open").tags("clock", "PARTNER_CHECK", "state", "WARNING")
                .gauge().value()).isEqualTo(1.0);
        assertThat(registry.get("frontdoor.alerts.open").tags("clock", "CONTACT_DECISION", "state", "WARNING")
                .gauge().value()).isZero();
        assertThat(registry.get("frontdoor.contacts.decided.within.one.working.day").gauge().value()).isEqualTo(1.0);
        // Gauges hold their object weakly: keep it until they have been read.
        java.lang.ref.Reference.reachabilityFence(fresh);
    }

    /**
     * Two strategy actions of one discussion: the police's, overdue and then done by the officer the police's system
     * names; social care's, done by the worker signed in. Each alert says who did it, the board's closing change
     * already does, another action's alert is untouched, and a replay writes the same rows.
     */
    @Test
    void a_strategy_actions_alert_says_who_did_it() {
        String police = "action-police-" + b.value();
        String social = "action-social-" + b.value();
        Instant held = T0.minus(Duration.ofDays(3));
        Instant due = T0.minus(Duration.ofHours(1));
        Actor policeSystem = new Actor("demo-police", StaffRole.PARTNER_PRACTITIONER, "POLICE");
        feed.apply(T0, action(childB, b, police, StrategyActionReference.of("discussion-b", 1), "POLICE", held, due),
                action(childB, b, social, StrategyActionReference.of("discussion-b", 2), "SOCIAL_CARE", held,
                        T0.plus(Duration.ofDays(2))),
                new ClockBreached(childB, b, police, ClockType.STRATEGY_ACTION, due, due),
                new StrategyActionDone(childB, b, "discussion-b", 1, T0, "PNC checked: nothing held.", policeSystem,
                        "DS Jane Example", Channel.HTTP, T0.plusSeconds(60)),
                new ClockStopped(childB, b, police, ClockType.STRATEGY_ACTION, ClockStopped.Reason.DONE, held, due, T0,
                        true, Duration.ofHours(20), T0.plusSeconds(60)));

        Alert done = projection.handle(new FindAlert(police)).orElseThrow();
        assertThat(done.state()).isEqualTo(State.STOPPED);
        assertThat(done.doneBy()).isEqualTo("DS Jane Example");
        assertThat(done.doneRecordedBy()).isEqualTo("demo-police");
        assertThat(done.doneByInWords()).isEqualTo("DS Jane Example (demo-police)");
        Change closed = changes.get(changes.size() - 1);
        assertThat(closed.kind()).isEqualTo(Change.Kind.CLOSED);
        assertThat(closed.alert().doneByInWords()).isEqualTo("DS Jane Example (demo-police)");
        Alert open = projection.handle(new FindAlert(social)).orElseThrow();
        assertThat(open.doneBy()).isNull();
        assertThat(open.doneByInWords()).isNull();

        feed.apply(T0, new StrategyActionDone(childB, b, "discussion-b", 2, T0.plusSeconds(120), "Seen at school.",
                        SW1, T0.plusSeconds(180)),
                new ClockStopped(childB, b, social, ClockType.STRATEGY_ACTION, ClockStopped.Reason.DONE, held,
                        T0.plus(Duration.ofDays(2)), T0.plusSeconds(120), false, Duration.ofHours(20),
                        T0.plusSeconds(180)));
        Alert byStaff = projection.handle(new FindAlert(social)).orElseThrow();
        assertThat(byStaff.doneBy()).isNull();
        assertThat(byStaff.doneByInWords()).isEqualTo("sw1");
        assertThat(projection.handle(new FindAlert(decision)).orElseThrow().doneByInWords())
                .as("a clock of another duty").isNull();

        List<Map<String, Object>> rows = database.rows("timeliness_clocks", "clock_id");
        feed.replay();
        assertThat(database.rows("timeliness_clocks", "clock_id")).isEqualTo(rows);
    }

    private static ClockStarted action(ChildId child, ContactId contact, String clockId, String reference, String agency,
                                       Instant at, Instant due) {
        Instant warn = at.plus(Duration.between(at, due).multipliedBy(3).dividedBy(4));
        return new ClockStarted(child, contact, clockId, ClockType.STRATEGY_ACTION, reference, agency, Priority.AMBER,
                at, warn, due, List.of("s-" + clockId));
    }

    private static ClockStarted started(ChildId child, ContactId contact, String clockId, ClockType type, String team,
                                        Priority priority, Instant at, Instant due) {
        Instant warn = at.plus(Duration.between(at, due).multipliedBy(3).dividedBy(4));
        return new ClockStarted(child, contact, clockId, type, null, team, priority, at, warn, due, List.of("s-" + clockId));
    }
}
