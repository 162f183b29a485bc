package uk.frontdoor.triage.child;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.value.ContactStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.fold;

/** The one place the child's state changes: every event has its row, and folding gives what the decisions read. */
class ChildEvolutionTest {

    @Test
    void every_event_of_the_sealed_family_has_a_row() {
        assertThat(ChildEvolution.events()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ChildEvent.class.getPermittedSubclasses())
                        .<Class<? extends ChildEvent>>map(type -> type.asSubclass(ChildEvent.class))
                        .toList());
    }

    @Test
    void a_received_and_assessed_contact_is_remembered_with_its_rating() {
        ChildState child = fold(TriageWork.received(), TriageWork.assessed());

        assertThat(child.childId()).isEqualTo(CHILD);
        ContactState contact = child.contact(CONTACT);
        assertThat(contact.status()).isEqualTo(ContactStatus.ASSESSED);
        assertThat(contact.priority()).isEqualTo(ThresholdAssessed.Priority.AMBER);
        assertThat(contact.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void a_claim_and_its_release_leave_the_contact_free_and_unchanged_otherwise() {
        ChildState assessed = fold(TriageWork.received(), TriageWork.assessed());
        ChildState released = fold(TriageWork.received(), TriageWork.assessed(), TriageWork.claimed(SW1),
                new ContactReleased(CHILD, CONTACT, SW1.userId(), MANAGER1, NOW));

        assertThat(fold(TriageWork.received(), TriageWork.assessed(), TriageWork.claimed(SW1))
                .contact(CONTACT).heldBy()).isEqualTo(SW1.userId());
        assertThat(released).isEqualTo(assessed);
    }

    @Test
    void a_clock_runs_from_its_start_warns_and_is_gone_once_stopped() {
        var started = new ClockStarted(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, null, "MASH",
                ThresholdAssessed.Priority.AMBER, NOW, NOW.plusSeconds(60), NOW.plusSeconds(120), List.of("a", "b"));
        ChildState warned = fold(TriageWork.received(), started,
                new ClockWarned(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, NOW.plusSeconds(120), NOW));

        assertThat(warned.clocks().get("clock-1").alarm()).isEqualTo(RunningClock.Alarm.WARNED);
        assertThat(fold(TriageWork.received(), started, new ClockStopped(CHILD, CONTACT, "clock-1",
                ClockType.FEEDBACK, ClockStopped.Reason.DONE, NOW, NOW.plusSeconds(120), NOW, false, Duration.ZERO,
                NOW)).clocks()).isEmpty();
    }

    @Test
    void the_clock_events_change_the_clocks_alone() {
        // A rule-set simulation leaves them out: what the rules read is the same without them.
        var started = new ClockStarted(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, null, "MASH",
                ThresholdAssessed.Priority.AMBER, NOW, NOW.plusSeconds(60), NOW.plusSeconds(120), List.of("a", "b"));
        var warned = new ClockWarned(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, NOW.plusSeconds(120), NOW);
        var breached = new uk.frontdoor.triage.api.ClockBreached(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK,
                NOW.plusSeconds(120), NOW);
        ChildState without = fold(TriageWork.received(), TriageWork.assessed(), TriageWork.claimed(SW1));

        for (ChildState with : List.of(
                fold(TriageWork.received(), started, TriageWork.assessed(), TriageWork.claimed(SW1)),
                fold(TriageWork.received(), TriageWork.assessed(), started, warned, breached, TriageWork.claimed(SW1)),
                fold(TriageWork.received(), TriageWork.assessed(), started, TriageWork.claimed(SW1),
                        new ClockStopped(CHILD, CONTACT, "clock-1", ClockType.FEEDBACK, ClockStopped.Reason.DONE, NOW,
                                NOW.plusSeconds(120), NOW, false, Duration.ZERO, NOW)))) {
            assertThat(with).usingRecursiveComparison().ignoringFields("clocks").isEqualTo(without);
        }
    }

    @Test
    void the_state_cannot_be_changed_from_outside_the_evolution() {
        ChildState linked = fold(TriageWork.received(),
                new ChildRecordLinked(CHILD, ChildId.of("7c1d2e3f-0000-4000-8000-000000000001"), "Same.", SW1, NOW));

        assertThatThrownBy(() -> linked.linkedChildren().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> linked.contacts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
