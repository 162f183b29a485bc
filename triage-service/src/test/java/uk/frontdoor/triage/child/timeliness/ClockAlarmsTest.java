package uk.frontdoor.triage.child.timeliness;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.ClockDeadline;
import uk.frontdoor.triage.child.TriageWork;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.fold;
import static uk.frontdoor.triage.child.TriageWork.NOW;

/** Whatever the scheduler does, the stream decides whether a clock may still warn or breach. */
class ClockAlarmsTest {

    private static final Instant DUE = NOW.plusSeconds(3_600);
    private static final ClockStarted STARTED = new ClockStarted(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, null,
            "MASH", ThresholdAssessed.Priority.AMBER, NOW, NOW.plusSeconds(2_700), DUE, List.of("w", "b"));

    private final ChildState running = fold(TriageWork.received(), STARTED);

    @Test
    void a_warning_in_time_is_recorded_once() {
        var warned = new ClockWarned(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, DUE, NOW.plusSeconds(2_700));

        assertThat(ClockAlarms.decide(warning(), running, NOW.plusSeconds(2_700))).containsExactly(warned);
        assertThat(ClockAlarms.decide(warning(), fold(TriageWork.received(), STARTED, warned), NOW.plusSeconds(2_800)))
                .isEmpty();
    }

    @Test
    void a_warning_that_arrives_after_the_due_time_gives_way_to_the_breach() {
        assertThat(ClockAlarms.decide(warning(), running, DUE)).isEmpty();
    }

    @Test
    void a_breach_is_recorded_once_and_never_warned_after() {
        var breached = new ClockBreached(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, DUE, DUE);
        ChildState after = fold(TriageWork.received(), STARTED, breached);

        assertThat(ClockAlarms.decide(breach(), running, DUE)).containsExactly(breached);
        assertThat(ClockAlarms.decide(breach(), after, DUE.plusSeconds(5))).isEmpty();
        assertThat(ClockAlarms.decide(warning(), after, NOW.plusSeconds(2_700))).isEmpty();
    }

    @Test
    void a_clock_the_stream_does_not_know_never_fires() {
        assertThat(ClockAlarms.decide(breach(), fold(TriageWork.received()), DUE)).isEmpty();
    }

    private static ClockDeadline warning() {
        return new ClockDeadline("clock-1", ClockDeadline.Stage.WARNING);
    }

    private static ClockDeadline breach() {
        return new ClockDeadline("clock-1", ClockDeadline.Stage.BREACH);
    }
}
