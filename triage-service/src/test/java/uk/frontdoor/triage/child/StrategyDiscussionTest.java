package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.command.ConveneStrategyDiscussion;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.StrategyDiscussionConvened;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.StrategyDiscussionHeld.Action;
import uk.frontdoor.triage.api.StrategyDiscussionHeld.Attendee;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import uk.frontdoor.triage.Examples;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static uk.frontdoor.triage.child.TriageWork.workEvents;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.authorised;
import static uk.frontdoor.triage.child.TriageWork.claimed;
import static uk.frontdoor.triage.child.TriageWork.consentGiven;
import static uk.frontdoor.triage.child.TriageWork.proposed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class StrategyDiscussionTest {

    private static final StrategyDiscussionRequired REQUIRED = new StrategyDiscussionRequired(CHILD, CONTACT, "sd-1",
            List.of(StrategyDiscussionRequired.SECTION_47_DECISION), Priority.RED, NOW);
    /** Monday 14 December 2026: 15 working days later runs past Christmas, Boxing Day (substitute) and New Year. */
    private static final Instant HELD_AT = Instant.parse("2026-12-14T10:00:00Z");
    private static final Attendee POLICE = new Attendee("DS Example", "POLICE", "Detective sergeant");
    private static final Attendee HEALTH = new Attendee("Nurse Example", "HEALTH", "Named nurse");
    private static final Attendee SOCIAL_CARE = new Attendee("Team manager", "SOCIAL_CARE", "Team manager");
    private static final Action VISIT = new Action("Visit the child at school", "sw1", "SOCIAL_CARE",
            LocalDate.parse("2026-12-15"));

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    private Object[] decidedSection47() {
        return new Object[]{received(), assessed(4, Priority.RED), claimed(SW1), consentGiven(SW1),
                proposed(DecisionOutcome.STRATEGY_DISCUSSION, SW1), authorised(DecisionOutcome.STRATEGY_DISCUSSION),
                REQUIRED};
    }

    @Test
    void a_strategy_discussion_is_convened_with_its_planned_time_and_invited_agencies() {
        Instant planned = Instant.parse("2026-11-23T14:00:00Z");
        fixture.given(decidedSection47())
                .when(new ConveneStrategyDiscussion(CHILD, CONTACT, planned, List.of("POLICE", "HEALTH", "EDUCATION"), SW1))
                .expectEventsMatching(workEvents(new StrategyDiscussionConvened(CHILD, CONTACT, "sd-1", planned,
                        List.of("POLICE", "HEALTH", "EDUCATION"), SW1, NOW)));
    }

    @Test
    void no_strategy_discussion_is_convened_where_none_is_required() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1),
                        authorised(DecisionOutcome.ASSESSMENT))
                .when(new ConveneStrategyDiscussion(CHILD, CONTACT, NOW, List.of("POLICE"), SW1))
                .expectException(refused(Refusal.STRATEGY_DISCUSSION_NOT_REQUIRED));
    }

    @Test
    void invited_agencies_must_be_configured_ones() {
        fixture.given(decidedSection47())
                .when(new ConveneStrategyDiscussion(CHILD, CONTACT, NOW, List.of("POLICE", "NEIGHBOURS"), SW1))
                .expectException(refused(Refusal.UNKNOWN_AGENCY));
    }

    @Test
    void a_section_47_enquiry_makes_the_initial_conference_due_fifteen_working_days_later() {
        var held = TriageWork.fixture(HELD_AT);
        held.given(decidedSection47())
                .when(record(StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, List.of(VISIT), POLICE, HEALTH,
                        SOCIAL_CARE))
                .expectEventsMatching(workEvents(new StrategyDiscussionHeld(CHILD, CONTACT, "sd-1", HELD_AT,
                        StrategyDiscussionHeld.Mode.VIDEO, List.of(POLICE, HEALTH, SOCIAL_CARE),
                        StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, "Agreed section 47 enquiry.", List.of(VISIT),
                        List.of(), Instant.parse("2027-01-07T10:00:00Z"), SW1, HELD_AT)));
    }

    @Test
    void a_discussion_of_police_and_social_care_only_is_flagged_and_so_is_the_absence_of_health() {
        TriageWork.fixture(HELD_AT).given(decidedSection47())
                .when(record(StrategyDiscussionHeld.Outcome.NO_FURTHER_ACTION, List.of(), POLICE, SOCIAL_CARE))
                .expectEventsMatching(workEvents(new StrategyDiscussionHeld(CHILD, CONTACT, "sd-1", HELD_AT,
                        StrategyDiscussionHeld.Mode.VIDEO, List.of(POLICE, SOCIAL_CARE),
                        StrategyDiscussionHeld.Outcome.NO_FURTHER_ACTION, "Agreed section 47 enquiry.", List.of(),
                        List.of(StrategyDiscussionHeld.HEALTH_ABSENT, StrategyDiscussionHeld.POLICE_AND_SOCIAL_CARE_ONLY),
                        null, SW1, HELD_AT)));
    }

    @Test
    void the_record_cannot_be_completed_while_an_action_lacks_a_due_date() {
        TriageWork.fixture(HELD_AT).given(decidedSection47())
                .when(record(StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY,
                        List.of(VISIT, new Action("Medical examination", "Paediatrician", "HEALTH", null)),
                        POLICE, HEALTH, SOCIAL_CARE))
                .expectException(refused(Refusal.ACTION_DUE_DATE_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void the_record_says_who_attended() {
        TriageWork.fixture(HELD_AT).given(decidedSection47())
                .when(record(StrategyDiscussionHeld.Outcome.OTHER, List.of()))
                .expectException(refused(Refusal.ATTENDEES_REQUIRED));
    }

    @Test
    void a_strategy_discussion_is_recorded_once() {
        fixture.given(Arrays.asList(decidedSection47()))
                .andGiven(new StrategyDiscussionHeld(CHILD, CONTACT, "sd-1", HELD_AT, StrategyDiscussionHeld.Mode.PHONE,
                        List.of(POLICE, HEALTH, SOCIAL_CARE), StrategyDiscussionHeld.Outcome.NO_FURTHER_ACTION, null,
                        List.of(), List.of(), null, SW1, NOW))
                .when(record(StrategyDiscussionHeld.Outcome.OTHER, List.of(), POLICE, HEALTH))
                .expectException(refused(Refusal.STRATEGY_DISCUSSION_ALREADY_RECORDED));
    }

    @Test
    void a_discussion_cannot_be_recorded_as_held_in_the_future() {
        fixture.given(decidedSection47())
                .when(record(StrategyDiscussionHeld.Outcome.NO_FURTHER_ACTION, List.of(), POLICE, HEALTH))
                .expectException(refused(Refusal.TIME_IN_FUTURE))
                .expectNoEvents();
    }

    @Test
    void a_discussion_cannot_be_recorded_as_held_or_planned_before_the_contact_arrived() {
        Instant beforeTheContact = Examples.RECEIVED.minusSeconds(60);
        TriageWork.fixture(HELD_AT).given(decidedSection47())
                .when(new RecordStrategyDiscussion(CHILD, CONTACT, beforeTheContact, StrategyDiscussionHeld.Mode.VIDEO,
                        List.of(POLICE, HEALTH), StrategyDiscussionHeld.Outcome.NO_FURTHER_ACTION, null, List.of(), SW1))
                .expectException(refused(Refusal.TIME_TOO_EARLY))
                .expectExceptionMessage("heldAt is before the contact arrived.")
                .expectNoEvents();
        fixture.given(decidedSection47())
                .when(new ConveneStrategyDiscussion(CHILD, CONTACT, beforeTheContact, List.of("POLICE"), SW1))
                .expectException(refused(Refusal.TIME_TOO_EARLY))
                .expectNoEvents();
    }

    @Test
    void administrative_staff_do_not_record_strategy_discussions() {
        fixture.given(decidedSection47())
                .when(new RecordStrategyDiscussion(CHILD, CONTACT, HELD_AT, StrategyDiscussionHeld.Mode.VIDEO,
                        List.of(POLICE, HEALTH), StrategyDiscussionHeld.Outcome.OTHER, null, List.of(), ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    private static RecordStrategyDiscussion record(StrategyDiscussionHeld.Outcome outcome, List<Action> actions,
                                                   Attendee... attendees) {
        return new RecordStrategyDiscussion(CHILD, CONTACT, HELD_AT, StrategyDiscussionHeld.Mode.VIDEO,
                List.of(attendees), outcome, "Agreed section 47 enquiry.", actions, SW1);
    }
}
