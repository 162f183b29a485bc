package uk.frontdoor.triage.child.erasure;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ChildErased;
import uk.frontdoor.triage.api.ErasureDeferredByHold;
import uk.frontdoor.triage.api.ErasureRequested;
import uk.frontdoor.triage.api.LegalHoldLifted;
import uk.frontdoor.triage.api.LegalHoldPlaced;
import uk.frontdoor.triage.api.command.AuthoriseErasure;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.command.LiftLegalHold;
import uk.frontdoor.triage.api.command.PlaceLegalHold;
import uk.frontdoor.triage.api.command.RequestErasure;
import uk.frontdoor.triage.api.command.ReviewRetention;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.Child;
import uk.frontdoor.triage.child.TriageWork;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.api.ErasureRequested.LegalBasis.NO_LONGER_NECESSARY;
import static uk.frontdoor.triage.api.ErasureRequested.Reason.SUBJECT_REQUEST;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.MANAGER2;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SHREDDED_KEYS;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class ErasureTest {

    private static final ErasureRequested REQUESTED = new ErasureRequested(CHILD, SUBJECT_REQUEST, NO_LONGER_NECESSARY,
            "DPO-2026-041", MANAGER1, NOW);
    private static final LegalHoldPlaced HELD = new LegalHoldPlaced(CHILD, "hold-1", LegalHoldPlaced.Kind.PROCEEDINGS,
            "Care proceedings.", MANAGER1, NOW);
    private static final ChildErased ERASED = new ChildErased(CHILD, SUBJECT_REQUEST, NO_LONGER_NECESSARY,
            "DPO-2026-041", MANAGER1, MANAGER2, NOW);

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void a_manager_records_an_erasure_decision_with_its_reason_and_legal_basis() {
        fixture.given(received(), assessed())
                .when(new RequestErasure(CHILD, SUBJECT_REQUEST, NO_LONGER_NECESSARY, " DPO-2026-041 ", MANAGER1))
                .expectEvents(REQUESTED);
    }

    @Test
    void a_decision_without_a_reason_or_a_legal_basis_cannot_be_made_and_names_the_field() {
        assertThat(catchThrowable(() -> new RequestErasure(CHILD, null, NO_LONGER_NECESSARY, null, MANAGER1)))
                .isInstanceOfSatisfying(TriageRefusedException.class, refused -> {
                    assertThat(refused.refusal()).isEqualTo(Refusal.FIELD_REQUIRED);
                    assertThat(refused.field()).isEqualTo("reason");
                });
        assertThat(catchThrowable(() -> new RequestErasure(CHILD, SUBJECT_REQUEST, null, null, MANAGER1)))
                .isInstanceOfSatisfying(TriageRefusedException.class, refused ->
                        assertThat(refused.field()).isEqualTo("legalBasis"));
        assertThat(catchThrowable(() -> new RequestErasure(CHILD, SUBJECT_REQUEST, NO_LONGER_NECESSARY,
                "Sam Example's mother asked", MANAGER1)))
                .isInstanceOfSatisfying(TriageRefusedException.class, refused ->
                        assertThat(refused.field()).isEqualTo("reference"));
    }

    @Test
    void a_social_worker_may_not_ask_for_erasure() {
        fixture.given(received())
                .when(new RequestErasure(CHILD, SUBJECT_REQUEST, NO_LONGER_NECESSARY, null, SW1))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void a_second_manager_authorises_and_the_childs_key_is_destroyed() {
        fixture.given(received(), assessed(), REQUESTED)
                .when(new AuthoriseErasure(CHILD, MANAGER2))
                .expectEvents(ERASED);
        assertThat(SHREDDED_KEYS).containsExactly(CHILD);
    }

    @Test
    void the_manager_who_asked_may_not_authorise() {
        fixture.given(received(), REQUESTED)
                .when(new AuthoriseErasure(CHILD, MANAGER1))
                .expectException(refused(Refusal.OWN_ERASURE_REQUEST))
                .expectNoEvents();
        assertThat(SHREDDED_KEYS).isEmpty();
    }

    @Test
    void nothing_to_authorise_without_a_request() {
        fixture.given(received())
                .when(new AuthoriseErasure(CHILD, MANAGER2))
                .expectException(refused(Refusal.NO_ERASURE_REQUESTED));
    }

    @Test
    void a_record_under_legal_hold_is_not_erased_and_the_refusal_names_the_hold() {
        fixture.given(received(), HELD)
                .when(new RequestErasure(CHILD, SUBJECT_REQUEST, NO_LONGER_NECESSARY, null, MANAGER1))
                .expectException(refused(Refusal.UNDER_LEGAL_HOLD))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("hold-1 (proceedings, placed by manager1"));
        // A hold placed after the request also stops the authorisation.
        fixture.given(received(), REQUESTED, HELD)
                .when(new AuthoriseErasure(CHILD, MANAGER2))
                .expectException(refused(Refusal.UNDER_LEGAL_HOLD))
                .expectNoEvents();
    }

    @Test
    void once_the_hold_is_lifted_the_erasure_can_be_authorised() {
        fixture.given(received(), REQUESTED, HELD,
                        new LegalHoldLifted(CHILD, "hold-1", "Final order made.", MANAGER1, NOW))
                .when(new AuthoriseErasure(CHILD, MANAGER2))
                .expectEvents(ERASED);
    }

    @Test
    void a_manager_places_and_lifts_a_hold_with_a_reason() {
        fixture.given(received())
                .when(new PlaceLegalHold(CHILD, "hold-1", LegalHoldPlaced.Kind.PROCEEDINGS, " Care proceedings. ",
                        MANAGER1))
                .expectEvents(HELD);
        fixture.given(received(), HELD)
                .when(new LiftLegalHold(CHILD, "hold-1", "Final order made.", MANAGER2))
                .expectEvents(new LegalHoldLifted(CHILD, "hold-1", "Final order made.", MANAGER2, NOW));
        fixture.given(received())
                .when(new LiftLegalHold(CHILD, "hold-9", "No such hold.", MANAGER2))
                .expectException(refused(Refusal.UNKNOWN_HOLD));
        assertThat(catchThrowable(() -> new PlaceLegalHold(CHILD, LegalHoldPlaced.Kind.PROCEEDINGS, " ", MANAGER1)))
                .isInstanceOfSatisfying(TriageRefusedException.class, refused ->
                        assertThat(refused.field()).isEqualTo("reason"));
    }

    @Test
    void an_erased_record_takes_no_more_commands() {
        fixture.given(received(), assessed(), REQUESTED, ERASED)
                .when(new ClaimContact(CHILD, CONTACT, SW1))
                .expectException(refused(Refusal.ERASED))
                .expectNoEvents();
        fixture.given(received(), REQUESTED, ERASED)
                .when(new PlaceLegalHold(CHILD, "hold-2", LegalHoldPlaced.Kind.INQUIRY, "Too late.", MANAGER1))
                .expectException(refused(Refusal.ERASED));
    }

    @Test
    void the_retention_schedule_queues_a_due_record_for_a_managers_confirmation() {
        var requested = new ErasureRequested(CHILD, ErasureRequested.Reason.RETENTION_PERIOD_ENDED,
                NO_LONGER_NECESSARY, "closed-nfa", Erasure.RETENTION_SCHEDULE, NOW);
        fixture.given(received(), assessed())
                .when(new ReviewRetention(CHILD, "closed-nfa", false))
                .expectEvents(requested)
                .expectResultMessagePayload(ReviewRetention.Outcome.QUEUED);
        // Any manager confirms it: the schedule was the first pair of eyes.
        fixture.given(received(), requested)
                .when(new AuthoriseErasure(CHILD, MANAGER1))
                .expectEvents(new ChildErased(CHILD, ErasureRequested.Reason.RETENTION_PERIOD_ENDED,
                        NO_LONGER_NECESSARY, "closed-nfa", Erasure.RETENTION_SCHEDULE, MANAGER1, NOW));
        fixture.given(received(), requested)
                .when(new ReviewRetention(CHILD, "closed-nfa", false))
                .expectNoEvents()
                .expectResultMessagePayload(ReviewRetention.Outcome.ALREADY_QUEUED);
    }

    @Test
    void where_the_council_allows_it_the_schedule_erases_on_its_own() {
        var requested = new ErasureRequested(CHILD, ErasureRequested.Reason.RETENTION_PERIOD_ENDED,
                NO_LONGER_NECESSARY, "closed-nfa", Erasure.RETENTION_SCHEDULE, NOW);
        fixture.given(received(), assessed())
                .when(new ReviewRetention(CHILD, "closed-nfa", true))
                .expectEvents(requested, new ChildErased(CHILD, ErasureRequested.Reason.RETENTION_PERIOD_ENDED,
                        NO_LONGER_NECESSARY, "closed-nfa", Erasure.RETENTION_SCHEDULE, Erasure.RETENTION_SCHEDULE, NOW))
                .expectResultMessagePayload(ReviewRetention.Outcome.ERASED);
        assertThat(SHREDDED_KEYS).containsExactly(CHILD);
    }

    @Test
    void a_held_record_is_left_and_the_deferral_recorded_once_per_set_of_holds() {
        var deferred = new ErasureDeferredByHold(CHILD, List.of("hold-1"), "closed-nfa", NOW);
        fixture.given(received(), HELD)
                .when(new ReviewRetention(CHILD, "closed-nfa", true))
                .expectEvents(deferred)
                .expectResultMessagePayload(ReviewRetention.Outcome.HELD);
        fixture.given(received(), HELD, deferred)
                .when(new ReviewRetention(CHILD, "closed-nfa", true))
                .expectNoEvents()
                .expectResultMessagePayload(ReviewRetention.Outcome.HELD);
    }

    @Test
    void an_erased_record_is_reported_as_such_to_the_schedule() {
        fixture.given(received(), REQUESTED, ERASED)
                .when(new ReviewRetention(CHILD, "closed-nfa", true))
                .expectNoEvents()
                .expectResultMessagePayload(ReviewRetention.Outcome.ALREADY_ERASED);
    }
}
