package uk.frontdoor.triage.child.allocation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.WorkAllocated;
import uk.frontdoor.triage.api.command.AllocateWork;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.child.Child;
import uk.frontdoor.triage.child.TriageWork;

import java.util.List;

import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.LATER_CONTACT;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assertMalformed;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.authorised;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class AllocationTest {

    private static final WorkAllocated.Work CONTACT_WORK = WorkAllocated.Work.CONTACT;

    private static final StrategyDiscussionRequired DISCUSSION_REQUIRED = new StrategyDiscussionRequired(CHILD,
            CONTACT, "sd-1", List.of(StrategyDiscussionRequired.RULES_FLAGGED), Priority.RED, NOW);

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void a_manager_allocates_a_decided_contact_to_a_worker_in_a_team() {
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, " mash ", " sw1 ", " Visit within 5 days. ",
                        MANAGER1))
                .expectEvents(new WorkAllocated(CHILD, CONTACT, CONTACT_WORK, "mash", "sw1", "Visit within 5 days.",
                        MANAGER1, NOW));
    }

    @Test
    void allocating_again_hands_the_work_on() {
        var first = new WorkAllocated(CHILD, CONTACT, CONTACT_WORK, "mash", "sw1", null, MANAGER1, NOW);
        fixture.given(received(), assessed(), authorised(DecisionOutcome.EARLY_HELP), first)
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "prevent", "sw2", null, MANAGER1))
                .expectEvents(new WorkAllocated(CHILD, CONTACT, CONTACT_WORK, "prevent", "sw2", null, MANAGER1, NOW));
    }

    @Test
    void a_contact_not_yet_decided_is_not_allocated() {
        fixture.given(received(), assessed())
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "mash", "sw1", null, MANAGER1))
                .expectException(refused(Refusal.NOT_DECIDED))
                .expectNoEvents();
    }

    @Test
    void a_strategy_discussion_is_allocated_once_required_even_before_the_decision() {
        fixture.given(received(), assessed(), DISCUSSION_REQUIRED)
                .when(new AllocateWork(CHILD, CONTACT, WorkAllocated.Work.STRATEGY_DISCUSSION, "mash", "sw2", null,
                        MANAGER1))
                .expectEvents(new WorkAllocated(CHILD, CONTACT, WorkAllocated.Work.STRATEGY_DISCUSSION, "mash", "sw2",
                        null, MANAGER1, NOW));
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, WorkAllocated.Work.STRATEGY_DISCUSSION, "mash", "sw2", null,
                        MANAGER1))
                .expectException(refused(Refusal.STRATEGY_DISCUSSION_NOT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void only_managers_allocate() {
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "mash", "sw1", null, SW1))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED))
                .expectNoEvents();
    }

    @Test
    void the_team_must_be_known_and_the_worker_a_screener_in_it() {
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "masj", "sw1", null, MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_TEAM))
                .expectNoEvents();
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "mash", "sw9", null, MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_STAFF))
                .expectNoEvents();
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "prevent", "sw1", null, MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_STAFF))
                .expectNoEvents();
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "mash", "admin1", null, MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_STAFF))
                .expectNoEvents();
    }

    @Test
    void a_contact_of_another_child_is_not_allocated_here() {
        fixture.given(received(), assessed(), authorised(DecisionOutcome.ASSESSMENT))
                .when(new AllocateWork(CHILD, LATER_CONTACT, CONTACT_WORK, "mash", "sw1", null, MANAGER1))
                .expectException(refused(Refusal.UNKNOWN_CONTACT));
    }

    @Test
    void an_allocation_names_the_work_the_team_and_the_worker() {
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new AllocateWork(CHILD, CONTACT, null, "mash", "sw1", null, MANAGER1));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new AllocateWork(CHILD, CONTACT, CONTACT_WORK, " ", "sw1", null, MANAGER1));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new AllocateWork(CHILD, CONTACT, CONTACT_WORK, "mash", null, null, MANAGER1));
    }
}
