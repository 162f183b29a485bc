package uk.frontdoor.triage.child;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.AlertAcknowledged;
import uk.frontdoor.triage.api.AssessmentCompleted;
import uk.frontdoor.triage.api.StrategyActionDone;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.HandedBackToDayTeam;
import uk.frontdoor.triage.api.AlertEscalated;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.ClockBreached;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.api.ClockWarned;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DutyCompleted;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.command.AcknowledgeAlert;
import uk.frontdoor.triage.api.command.AssignAlert;
import uk.frontdoor.triage.api.command.EscalateAlert;
import uk.frontdoor.triage.api.InitialConferenceHeld;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.command.RecordAssessmentCompleted;
import uk.frontdoor.triage.api.command.RecordStrategyActionDone;
import uk.frontdoor.triage.api.command.HandBackToDayTeam;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordDutyCompleted;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.command.RecordInitialConference;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RecordStrategyDiscussion;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.StrategyDiscussionHeld;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.refused;

/**
 * Every clock the child's stream keeps, on the late-May bank holiday weekend of 2026 (Monday 25 May is
 * a bank holiday; London is on BST). The fixture's stub deadline manager stands in for the scheduler:
 * what it holds is what the real one would hold, and letting time pass fires it. Working time is office hours
 * (09:00 to 17:00 on working days, the default): the expected times below changed from the old 24-hour working day
 * where a clock counts working hours or warns at a share of working time; due times in working days did not.
 */
class TimelinessTest {

    /** Friday 22 May 2026, 16:00 in London: the Friday before a bank-holiday Monday. */
    private static final Instant FRIDAY_1600 = london("2026-05-22T16:00");
    private static final Instant TUESDAY_1600 = london("2026-05-26T16:00");

    // ----- contact decision -----

    @Test
    void a_contact_received_at_1600_on_the_friday_before_a_bank_holiday_is_due_at_1600_on_tuesday() {
        TriageWork.fixture(FRIDAY_1600).givenNoPriorActivity()
                .when(contact(FRIDAY_1600, List.of()))
                .expectEventsMatching(clocks(started(ClockType.CONTACT_DECISION, FRIDAY_1600,
                        // 75% of its 8 office hours: Friday's last one, then 5 of Tuesday's.
                        london("2026-05-26T14:00"), TUESDAY_1600)))
                .expectScheduledDeadlineMatching(TUESDAY_1600, deadline(ClockDeadline.Stage.BREACH))
                .expectScheduledDeadlineMatching(london("2026-05-26T14:00"), deadline(ClockDeadline.Stage.WARNING));
    }

    @Test
    void a_red_contact_received_at_1630_on_the_friday_before_a_bank_holiday_is_due_on_tuesday_morning() {
        Instant friday1630 = london("2026-05-22T16:30");
        // 4 office hours: Friday 16:30 to 17:00, nothing on the weekend or the bank holiday, then Tuesday 09:00 to
        // 12:30; sooner than one working day (Tuesday 16:30), so the decision is due then too.
        TriageWork.fixture(friday1630).givenNoPriorActivity()
                .when(redContact(friday1630))
                .expectEventsMatching(clocks(started(ClockType.CONTACT_DECISION, friday1630,
                        london("2026-05-26T11:30"), london("2026-05-26T12:30"))));
        // Its partner checks (red, 2 working hours): half an hour on Friday, then Tuesday until 10:30.
        TriageWork.fixture(friday1630)
                .givenCommands(redContact(friday1630), new ClaimContact(CHILD, CONTACT, SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE"), "Known?", SW1))
                .expectEventsMatching(clocks(started(ClockType.PARTNER_CHECK, friday1630,
                        london("2026-05-26T10:00"), london("2026-05-26T10:30"))));
    }

    @Test
    void a_red_contact_received_at_0057_on_a_sunday_is_due_within_mondays_office_hours() {
        Instant sunday0057 = london("2026-03-08T00:57");
        // Not 04:00 on Monday, when nobody is at work: 4 office hours from Monday's opening. Meanwhile it is on
        // the emergency duty team's out-of-hours queue, its response due in 2 plain hours.
        TriageWork.fixture(sunday0057).givenNoPriorActivity()
                .when(redContact(sunday0057))
                .expectEventsMatching(clocks(started(ClockType.CONTACT_DECISION, sunday0057,
                                london("2026-03-09T12:00"), london("2026-03-09T13:00")),
                        started(ClockType.OUT_OF_HOURS, sunday0057, london("2026-03-08T02:27"),
                                london("2026-03-08T02:57"))));
        TriageWork.fixture(sunday0057)
                .givenCommands(redContact(sunday0057), new ClaimContact(CHILD, CONTACT, SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE"), "Known?", SW1))
                .expectEventsMatching(clocks(started(ClockType.PARTNER_CHECK, sunday0057,
                        london("2026-03-09T10:30"), london("2026-03-09T11:00"))));
    }

    // ----- out of hours -----

    @Test
    void out_of_hours_only_red_contacts_go_to_the_emergency_duty_team_on_its_board() {
        Instant saturday0200 = london("2026-05-23T02:00");
        TriageWork.fixture(saturday0200).givenNoPriorActivity()
                .when(redContact(saturday0200))
                .expectEventsMatching(clocksOf(ClockType.OUT_OF_HOURS,
                        started(ClockType.OUT_OF_HOURS, saturday0200, london("2026-05-23T03:30"),
                                london("2026-05-23T04:00"))
                                .and(event -> ((ClockStarted) event).team().equals("EMERGENCY_DUTY"))));
        // An amber contact at the same hour waits for the day team.
        TriageWork.fixture(saturday0200).givenNoPriorActivity()
                .when(contact(saturday0200, List.of()))
                .expectEventsMatching(clocksOf(ClockType.OUT_OF_HOURS));
    }

    /**
     * An amber contact rated red at 02:00 on a Saturday goes to the emergency duty team as a red one received then
     * would, its response due in the team's 2 plain hours from the change; a second change to red, or one in office
     * hours, starts no other.
     */
    @Test
    void a_contact_rated_red_at_night_goes_to_the_emergency_duty_team() {
        Instant saturday0100 = london("2026-05-23T01:00");
        Instant saturday0200 = london("2026-05-23T02:00");
        var toRed = new ChangePriority(CHILD, CONTACT, ThresholdAssessed.Priority.RED, "Child disclosed injuries.", SW1);
        TriageWork.fixture(saturday0200)
                .givenCommands(contact(saturday0100, List.of()), new ClaimContact(CHILD, CONTACT, SW1))
                .when(toRed)
                .expectEventsMatching(clocksOf(ClockType.OUT_OF_HOURS,
                        started(ClockType.OUT_OF_HOURS, saturday0200, london("2026-05-23T03:30"),
                                london("2026-05-23T04:00"))
                                .and(event -> ((ClockStarted) event).team().equals("EMERGENCY_DUTY"))));
        // Already on the team's queue (red, to amber, to red again): its clock runs on, no second one.
        TriageWork.fixture(saturday0200)
                .givenCommands(redContact(saturday0100), new ClaimContact(CHILD, CONTACT, SW1),
                        new ChangePriority(CHILD, CONTACT, ThresholdAssessed.Priority.AMBER, "Police attended.", SW1))
                .when(toRed)
                .expectEventsMatching(clocksOf(ClockType.OUT_OF_HOURS));
        // In office hours the day team is at work.
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(london("2026-05-22T15:00"), List.of()), new ClaimContact(CHILD, CONTACT, SW1))
                .when(toRed)
                .expectEventsMatching(clocksOf(ClockType.OUT_OF_HOURS));
    }

    @Test
    void the_emergency_duty_team_hands_a_contact_back_to_the_day_team_with_what_it_did() {
        Instant saturday0200 = london("2026-05-23T02:00");
        Instant morning = london("2026-05-23T07:30");
        TriageWork.fixture(morning).givenCommands(redContact(saturday0200))
                .when(new HandBackToDayTeam(CHILD, CONTACT, " Visited with police at 03:00; child safe with an aunt. ",
                        EDT))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(HandedBackToDayTeam.class, back -> back.summary()
                                .equals("Visited with police at 03:00; child safe with an aunt.")
                                && back.actor().equals(EDT) && back.at().equals(morning)),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.OUT_OF_HOURS
                                && stopped.reason() == ClockStopped.Reason.DONE && stopped.late()),
                        andNoMore())));
        List<Object> handedBack = List.of(redContact(saturday0200),
                new HandBackToDayTeam(CHILD, CONTACT, "Visited.", EDT));
        TriageWork.fixture(morning).givenCommands(handedBack)
                .when(new HandBackToDayTeam(CHILD, CONTACT, "Again.", EDT))
                .expectException(refused(Refusal.NOT_OUT_OF_HOURS));
        TriageWork.fixture(FRIDAY_1600).givenCommands(contact(FRIDAY_1600, List.of()))
                .when(new HandBackToDayTeam(CHILD, CONTACT, "Nothing to hand back.", SW1))
                .expectException(refused(Refusal.NOT_OUT_OF_HOURS));
        TriageWork.fixture(morning).givenCommands(redContact(saturday0200))
                .when(new HandBackToDayTeam(CHILD, CONTACT, "Visited.", TriageWork.ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
        assertThat(catchThrowable(() -> new HandBackToDayTeam(CHILD, CONTACT, " ", EDT)))
                .matches(refused(Refusal.FIELD_REQUIRED)::matches);
    }

    /** The emergency duty team's demo worker: a qualified social worker. */
    private static final uk.frontdoor.triage.api.value.Actor EDT = new uk.frontdoor.triage.api.value.Actor("edt1",
            uk.frontdoor.triage.api.staff.StaffRole.SOCIAL_WORKER, "demo-council");

    @Test
    void an_undecided_contact_warns_at_three_quarters_of_its_time_and_breaches_when_due() {
        TriageWork.fixture(FRIDAY_1600).givenCommands(contact(FRIDAY_1600, List.of()))
                .whenTimeAdvancesTo(TUESDAY_1600)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(ClockWarned.class, warned -> warned.type() == ClockType.CONTACT_DECISION
                                && warned.at().equals(london("2026-05-26T14:00"))
                                && warned.dueAt().equals(TUESDAY_1600)),
                        is(ClockBreached.class, breached -> breached.type() == ClockType.CONTACT_DECISION
                                && breached.at().equals(TUESDAY_1600)),
                        andNoMore())));
    }

    @Test
    void a_contact_decided_in_time_never_warns_or_breaches_and_leaves_nothing_scheduled() {
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(FRIDAY_1600, List.of()), new ClaimContact(CHILD, CONTACT, SW1),
                        new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1),
                        new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE", "HEALTH"), "Known?", SW1),
                        new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Family support.", SW1),
                        new AuthoriseProposal(CHILD, CONTACT, "Early help is proportionate.", MANAGER1),
                        new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.SECURE_EMAIL, FRIDAY_1600, null, SW1))
                .whenTimeAdvancesTo(FRIDAY_1600.plus(Duration.ofDays(60)))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void the_decision_stops_the_decision_and_authorisation_clocks_and_starts_feedback() {
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(FRIDAY_1600, List.of()), new ClaimContact(CHILD, CONTACT, SW1),
                        new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1),
                        new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE"), "Known?", SW1),
                        new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Family support.", SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, "Early help is proportionate.", MANAGER1))
                .expectEventsMatching(clocks(
                        stopped(ClockType.CONTACT_DECISION, ClockStopped.Reason.DONE, false),
                        stopped(ClockType.MANAGER_AUTHORISATION, ClockStopped.Reason.DONE, false),
                        stopped(ClockType.PARTNER_CHECK, ClockStopped.Reason.NOT_NEEDED, false),
                        // Feedback within 1 working day of the decision: Tuesday 16:00 again.
                        started(ClockType.FEEDBACK, FRIDAY_1600, london("2026-05-26T14:00"), TUESDAY_1600)));
    }

    @Test
    void a_new_rating_gives_the_decision_clock_its_new_due_time_from_receipt() {
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(FRIDAY_1600, List.of()), new ClaimContact(CHILD, CONTACT, SW1))
                .when(new ChangePriority(CHILD, CONTACT, Priority.RED, "Child disclosed injuries.", SW1))
                .expectEventsMatching(clocks(
                        stopped(ClockType.CONTACT_DECISION, ClockStopped.Reason.RESCHEDULED, false),
                        // Red: 4 working hours from receipt: Friday's last office hour, then Tuesday 09:00 to
                        // 12:00; warning after 3.
                        started(ClockType.CONTACT_DECISION, FRIDAY_1600, london("2026-05-26T11:00"),
                                london("2026-05-26T12:00"))));
    }

    // ----- manager authorisation -----

    @Test
    void a_proposal_made_late_on_friday_awaits_authorisation_until_tuesday_morning() {
        Instant friday2300 = london("2026-05-22T23:00");
        TriageWork.fixture(friday2300)
                .givenCommands(contact(friday2300, List.of()), new ClaimContact(CHILD, CONTACT, SW1),
                        new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Needs assessment.", SW1))
                // 2 working hours counted from Tuesday's opening (no office hours at night or on the bank holiday).
                .expectEventsMatching(clocks(started(ClockType.MANAGER_AUTHORISATION, friday2300,
                        london("2026-05-26T10:30"), london("2026-05-26T11:00"))));
    }

    @Test
    void returning_a_proposal_stops_the_authorisation_clock() {
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(FRIDAY_1600, List.of()), new ClaimContact(CHILD, CONTACT, SW1),
                        new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1),
                        new ProposeDecision(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Needs assessment.", SW1))
                .when(new ReturnProposal(CHILD, CONTACT, "Ask health first.", MANAGER1))
                .expectEventsMatching(clocks(stopped(ClockType.MANAGER_AUTHORISATION, ClockStopped.Reason.DONE,
                        false)));
    }

    // ----- partner checks -----

    @Test
    void an_amber_partner_check_asked_late_on_friday_is_counted_from_tuesdays_opening() {
        Instant friday2200 = london("2026-05-22T22:00");
        TriageWork.fixture(friday2200).givenCommands(contact(friday2200, List.of()), new ClaimContact(CHILD, CONTACT, SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE"), "Known?", SW1))
                // 6 working hours: none on Friday night, Saturday to Monday (bank holiday), then Tuesday 09:00 to 15:00.
                .expectEventsMatching(clocks(started(ClockType.PARTNER_CHECK, friday2200, london("2026-05-26T13:30"),
                        london("2026-05-26T15:00"))));
    }

    @Test
    void a_partner_reply_stops_its_clock_on_time() {
        Instant dueAt = london("2026-05-26T04:00");
        TriageWork.fixture(FRIDAY_1600)
                .given(TriageWork.received(), TriageWork.assessed(), TriageWork.claimed(SW1),
                        new PartnerCheckRequested(CHILD, CONTACT, "check-1", "POLICE", "Known?", dueAt, SW1,
                                FRIDAY_1600),
                        new ClockStarted(CHILD, CONTACT, "clock-9", ClockType.PARTNER_CHECK, "check-1", "MASH",
                                Priority.AMBER, FRIDAY_1600, london("2026-05-26T02:30"), dueAt, List.of()))
                .when(new RecordPartnerReply(CHILD, CONTACT, "check-1", "Nothing known.", SW1))
                .expectEventsMatching(clocks(event -> event instanceof ClockStopped stopped
                        && stopped.clockId().equals("clock-9") && stopped.reason() == ClockStopped.Reason.DONE
                        && !stopped.late() && stopped.doneAt().equals(FRIDAY_1600)));
    }

    // ----- strategy discussion and conference -----

    @Test
    void a_red_strategy_discussion_is_due_by_the_end_of_the_working_day_of_the_decision() {
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(decidedSection47(Priority.RED))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectEventsMatching(clocksOf(ClockType.STRATEGY_DISCUSSION,
                        // The working day ends when the office closes, 17:00; warning after 45 of its 60 minutes.
                        started(ClockType.STRATEGY_DISCUSSION, FRIDAY_1600, london("2026-05-22T16:45"),
                                london("2026-05-22T17:00"))));
    }

    @Test
    void an_amber_strategy_discussion_is_due_within_three_working_days_of_the_decision() {
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(decidedSection47(Priority.AMBER))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                // 3 working days, Thursday 16:00; 24 office hours: the warning at 18 of them, Friday's last one,
                // Tuesday, Wednesday and Thursday's first.
                .expectEventsMatching(clocksOf(ClockType.STRATEGY_DISCUSSION,
                        started(ClockType.STRATEGY_DISCUSSION, FRIDAY_1600, london("2026-05-28T10:00"),
                                london("2026-05-28T16:00"))));
    }

    @Test
    void a_section_47_enquiry_starts_the_conference_clock_and_the_conference_stops_it() {
        List<Object> section47 = new ArrayList<>(List.of(decidedSection47(Priority.AMBER)));
        section47.add(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1));
        Instant heldAt = london("2026-05-26T10:00");
        TriageWork.fixture(london("2026-05-26T12:00")).givenCommands(section47)
                .when(new RecordStrategyDiscussion(CHILD, CONTACT, heldAt, StrategyDiscussionHeld.Mode.IN_PERSON,
                        List.of(new StrategyDiscussionHeld.Attendee("DS", "POLICE", "Detective sergeant"),
                                new StrategyDiscussionHeld.Attendee("Nurse", "HEALTH", "Named nurse")),
                        StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, null, List.of(), SW1))
                .expectEventsMatching(clocks(
                        stopped(ClockType.STRATEGY_DISCUSSION, ClockStopped.Reason.DONE, false),
                        // 15 working days from Tuesday 26 May: Tuesday 16 June, 10:00; the warning at 90 of its
                        // 120 office hours, 11 working days and 2 hours on: Wednesday 10 June, 12:00.
                        started(ClockType.INITIAL_CONFERENCE, heldAt, london("2026-06-10T12:00"),
                                london("2026-06-16T10:00"))));

        section47.add(new RecordStrategyDiscussion(CHILD, CONTACT, heldAt, StrategyDiscussionHeld.Mode.IN_PERSON,
                List.of(new StrategyDiscussionHeld.Attendee("DS", "POLICE", "Detective sergeant")),
                StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, null, List.of(), SW1));
        TriageWork.fixture(london("2026-05-26T12:00")).givenCommands(section47)
                .when(new RecordInitialConference(CHILD, CONTACT, london("2026-05-26T11:00"),
                        InitialConferenceHeld.Outcome.CHILD_PROTECTION_PLAN, "Plan under neglect.", SW1))
                .expectEventsMatching(clocks(stopped(ClockType.INITIAL_CONFERENCE, ClockStopped.Reason.DONE, false)))
                .expectNoScheduledDeadlineMatching(london("2026-06-16T10:00"), deadline(ClockDeadline.Stage.BREACH));
    }

    // ----- strategy discussion actions -----

    private static final Instant DISCUSSION_HELD = london("2026-05-26T10:00");
    private static final List<StrategyDiscussionHeld.Action> ACTIONS = List.of(
            new StrategyDiscussionHeld.Action("Visit the child at school", "sw1", "SOCIAL_CARE",
                    java.time.LocalDate.of(2026, 5, 27)),
            new StrategyDiscussionHeld.Action("Check the police national computer", "DS Example", "POLICE",
                    java.time.LocalDate.of(2026, 5, 29)));

    @Test
    void each_action_agreed_at_a_strategy_discussion_is_a_duty_of_its_agency_clocked_to_its_due_date() {
        TriageWork.fixture(london("2026-05-26T12:00")).givenCommands(section47Decided())
                .when(discussionWith(ACTIONS))
                // Due when the office closes on the due date; warned at 75% of the office time to then (Tuesday
                // 10:00 to Wednesday 17:00 is 15 office hours: Wednesday 13:15; to Friday 17:00, 31: Friday 09:15).
                .expectEventsMatching(clocksOf(ClockType.STRATEGY_ACTION,
                        action(1, "SOCIAL_CARE", london("2026-05-27T13:15"), london("2026-05-27T17:00")),
                        action(2, "POLICE", london("2026-05-29T09:15"), london("2026-05-29T17:00"))));
    }

    @Test
    void an_action_done_with_a_note_stops_its_clock_and_only_its_own() {
        List<Object> held = new ArrayList<>(List.of(section47Decided()));
        held.add(discussionWith(ACTIONS));
        Instant done = london("2026-05-27T11:00");
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 1, done, " Seen at school. ", SW1))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(StrategyActionDone.class, action -> action.action() == 1 && action.doneAt().equals(done)
                                && action.note().equals("Seen at school.") && action.actor().equals(SW1)),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.STRATEGY_ACTION
                                && stopped.reason() == ClockStopped.Reason.DONE && !stopped.late()
                                && stopped.doneAt().equals(done)),
                        andNoMore())))
                .expectNoScheduledDeadlineMatching(london("2026-05-27T17:00"), deadline(ClockDeadline.Stage.BREACH))
                .expectScheduledDeadlineMatching(london("2026-05-29T17:00"), deadline(ClockDeadline.Stage.BREACH));

        held.add(new RecordStrategyActionDone(CHILD, CONTACT, 1, done, "Seen at school.", SW1));
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 1, done, "Again.", SW1))
                .expectException(refused(Refusal.ACTION_NOT_OPEN));
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 3, done, "No such action.", SW1))
                .expectException(refused(Refusal.ACTION_NOT_OPEN));
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 2, london("2026-05-26T09:00"), "Before.", SW1))
                .expectException(refused(Refusal.TIME_TOO_EARLY));
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 2, done, "Checked.", TriageWork.ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
        assertThat(catchThrowable(() -> new RecordStrategyActionDone(CHILD, CONTACT, 2, done, " ", SW1)))
                .matches(refused(Refusal.FIELD_REQUIRED)::matches);
    }

    /** A police researcher seconded to the MASH records the police's action done; never another agency's. */
    @Test
    void partner_staff_record_their_own_agencys_action_done_and_no_other() {
        List<Object> held = new ArrayList<>(List.of(section47Decided()));
        held.add(discussionWith(ACTIONS));
        Instant done = london("2026-05-27T11:00");
        var police = new uk.frontdoor.triage.api.value.Actor("police1",
                uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER, "POLICE");
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 2, done, "PNC checked: nothing held.", police))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(StrategyActionDone.class, action -> action.action() == 2 && action.actor().equals(police)),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.STRATEGY_ACTION
                                && stopped.reason() == ClockStopped.Reason.DONE),
                        andNoMore())));
        // Action 1 is children's social care's.
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 1, done, "Seen.", police))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
        var health = new uk.frontdoor.triage.api.value.Actor("health1",
                uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER, "HEALTH");
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 2, done, "Checked.", health))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    /**
     * The police's system records the police's action done, naming the officer: the same rule as for the police's
     * staff on the pages, the agency as the actor, and the record says who and how. Never another agency's; never
     * without naming who did it.
     */
    @Test
    void an_agencys_system_records_its_own_action_done_naming_who_did_it() {
        List<Object> held = new ArrayList<>(List.of(section47Decided()));
        held.add(discussionWith(ACTIONS));
        Instant done = london("2026-05-27T11:00");
        var policeSystem = new uk.frontdoor.triage.api.value.Actor("demo-police",
                uk.frontdoor.triage.api.staff.StaffRole.PARTNER_PRACTITIONER, "POLICE");
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 2, done, "PNC checked: nothing held.", policeSystem,
                        " DS Jane Example ", uk.frontdoor.triage.api.value.Channel.HTTP))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(StrategyActionDone.class, action -> action.action() == 2
                                && action.actor().equals(policeSystem) && action.doneBy().equals("DS Jane Example")
                                && action.channel() == uk.frontdoor.triage.api.value.Channel.HTTP),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.STRATEGY_ACTION
                                && stopped.reason() == ClockStopped.Reason.DONE && stopped.doneAt().equals(done)),
                        andNoMore())));
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 1, done, "Seen.", policeSystem, "DS Jane Example",
                        uk.frontdoor.triage.api.value.Channel.KAFKA))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
        TriageWork.fixture(london("2026-05-27T12:00")).givenCommands(held)
                .when(new RecordStrategyActionDone(CHILD, CONTACT, 2, london("2026-05-27T13:00"), "Later.",
                        policeSystem, "DS Jane Example", uk.frontdoor.triage.api.value.Channel.HTTP))
                .expectException(refused(Refusal.TIME_IN_FUTURE));
        assertThat(catchThrowable(() -> new RecordStrategyActionDone(CHILD, CONTACT, 2, done, "Checked.",
                policeSystem, " ", uk.frontdoor.triage.api.value.Channel.HTTP)))
                .matches(refused(Refusal.FIELD_REQUIRED)::matches)
                .hasMessageContaining("doneBy");
    }

    @Test
    void an_action_not_done_by_its_due_date_falls_overdue_as_an_alert() {
        List<Object> held = new ArrayList<>(List.of(section47Decided()));
        held.add(discussionWith(List.of(ACTIONS.get(0))));
        held.add(new RecordInitialConference(CHILD, CONTACT, london("2026-05-26T11:00"),
                InitialConferenceHeld.Outcome.NO_PLAN, null, SW1));
        held.add(new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.SECURE_EMAIL, london("2026-05-26T11:00"),
                null, SW1));
        TriageWork.fixture(london("2026-05-26T12:00")).givenCommands(held)
                .whenTimeAdvancesTo(london("2026-05-27T17:00"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(ClockWarned.class, warned -> warned.type() == ClockType.STRATEGY_ACTION
                                && warned.at().equals(london("2026-05-27T13:15"))),
                        is(ClockBreached.class, breached -> breached.type() == ClockType.STRATEGY_ACTION
                                && breached.at().equals(london("2026-05-27T17:00"))),
                        andNoMore())));
    }

    private static Object[] section47Decided() {
        List<Object> commands = new ArrayList<>(List.of(decidedSection47(Priority.AMBER)));
        commands.add(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1));
        return commands.toArray();
    }

    private static RecordStrategyDiscussion discussionWith(List<StrategyDiscussionHeld.Action> actions) {
        return new RecordStrategyDiscussion(CHILD, CONTACT, DISCUSSION_HELD, StrategyDiscussionHeld.Mode.IN_PERSON,
                List.of(new StrategyDiscussionHeld.Attendee("DS", "POLICE", "Detective sergeant"),
                        new StrategyDiscussionHeld.Attendee("Nurse", "HEALTH", "Named nurse")),
                StrategyDiscussionHeld.Outcome.SECTION_47_ENQUIRY, null, actions, SW1);
    }

    private static Predicate<Object> action(int number, String team, Instant warnAt, Instant dueAt) {
        return event -> started(ClockType.STRATEGY_ACTION, DISCUSSION_HELD, warnAt, dueAt).test(event)
                && ((ClockStarted) event).team().equals(team) && ((ClockStarted) event).reference().endsWith("#" + number);
    }

    @Test
    void a_conference_is_refused_when_no_section_47_enquiry_made_one_due() {
        TriageWork.fixture(FRIDAY_1600).givenCommands(contact(FRIDAY_1600, List.of()))
                .when(new RecordInitialConference(CHILD, CONTACT, FRIDAY_1600,
                        InitialConferenceHeld.Outcome.NO_PLAN, null, SW1))
                .expectException(refused(Refusal.NO_CONFERENCE_DUE));
    }

    // ----- child and family assessment -----

    /** Monday 2 November 2026, 10:00 in London (GMT): a referral whose 45 working days run across Christmas. */
    private static final Instant NOVEMBER_2 = london("2026-11-02T10:00");
    /**
     * 45 working days from it: November's 20 after the 2nd, December's 21 less Christmas Day (Friday 25) and the
     * Boxing Day substitute (Monday 28), 1 January 2027 a bank holiday: Thursday 7 January 2027, 10:00.
     */
    private static final Instant ASSESSMENT_DUE = london("2027-01-07T10:00");

    @Test
    void a_decision_of_assessment_starts_the_45_working_day_clock_from_the_referral_across_christmas() {
        TriageWork.fixture(london("2026-11-03T11:00"))
                .givenCommands(proposed(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                // From the point of referral (the contact's arrival), not the decision a day later; the warning at
                // 75% of its 360 office hours: 7 on the Monday, 32 whole days, 7 more: Thursday 17 December, 16:00.
                .expectEventsMatching(clocksOf(ClockType.ASSESSMENT,
                        started(ClockType.ASSESSMENT, NOVEMBER_2, london("2026-12-17T16:00"), ASSESSMENT_DUE)))
                .expectScheduledDeadlineMatching(ASSESSMENT_DUE, deadline(ClockDeadline.Stage.BREACH));
    }

    @Test
    void other_decisions_start_no_assessment_clock() {
        TriageWork.fixture(london("2026-11-03T11:00"))
                .givenCommands(proposed(NOVEMBER_2, DecisionOutcome.EARLY_HELP))
                .when(new AuthoriseProposal(CHILD, CONTACT, "Early help is proportionate.", MANAGER1))
                .expectEventsMatching(clocksOf(ClockType.ASSESSMENT));
    }

    @Test
    void an_assessment_completed_in_time_stops_its_clock_with_its_outcome() {
        Instant completed = london("2027-01-06T15:00");
        TriageWork.fixture(london("2027-01-06T16:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, completed,
                        AssessmentCompleted.Outcome.CHILD_IN_NEED_PLAN, "A child in need plan.", null, SW1))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(AssessmentCompleted.class, done -> done.completedAt().equals(completed)
                                && done.outcome() == AssessmentCompleted.Outcome.CHILD_IN_NEED_PLAN
                                && done.lateReason() == null && done.actor().equals(SW1)),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.ASSESSMENT
                                && stopped.reason() == ClockStopped.Reason.DONE && !stopped.late()
                                && stopped.doneAt().equals(completed)),
                        andNoMore())))
                .expectNoScheduledDeadlineMatching(ASSESSMENT_DUE, deadline(ClockDeadline.Stage.BREACH));
    }

    @Test
    void an_undone_assessment_warns_and_breaches_on_the_board_and_a_late_one_must_say_why() {
        TriageWork.fixture(london("2026-11-03T11:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .whenTimeAdvancesTo(ASSESSMENT_DUE)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(ClockWarned.class, warned -> warned.type() == ClockType.ASSESSMENT
                                && warned.at().equals(london("2026-12-17T16:00"))),
                        is(ClockBreached.class, breached -> breached.type() == ClockType.ASSESSMENT
                                && breached.at().equals(ASSESSMENT_DUE)),
                        andNoMore())));
        Instant late = london("2027-01-12T10:00");
        TriageWork.fixture(london("2027-01-12T12:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, late, AssessmentCompleted.Outcome.NO_FURTHER_ACTION,
                        null, " ", SW1))
                .expectException(refused(Refusal.REASON_REQUIRED))
                .expectNoEvents();
        TriageWork.fixture(london("2027-01-12T12:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, late, AssessmentCompleted.Outcome.NO_FURTHER_ACTION,
                        null, "The family could not be seen over Christmas.", SW1))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(AssessmentCompleted.class, done -> "The family could not be seen over Christmas."
                                .equals(done.lateReason())),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.ASSESSMENT && stopped.late()),
                        andNoMore())));
    }

    @Test
    void an_assessment_is_recorded_once_only_where_a_decision_started_one_and_only_by_qualified_staff() {
        TriageWork.fixture(london("2026-11-20T12:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.EARLY_HELP))
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, london("2026-11-20T10:00"),
                        AssessmentCompleted.Outcome.EARLY_HELP, null, null, SW1))
                .expectException(refused(Refusal.NO_ASSESSMENT_DUE));
        List<Object> completed = new ArrayList<>(List.of(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT)));
        completed.add(new RecordAssessmentCompleted(CHILD, CONTACT, london("2026-11-20T10:00"),
                AssessmentCompleted.Outcome.EARLY_HELP, null, null, SW1));
        TriageWork.fixture(london("2026-11-20T12:00")).givenCommands(completed)
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, london("2026-11-20T11:00"),
                        AssessmentCompleted.Outcome.EARLY_HELP, null, null, SW1))
                .expectException(refused(Refusal.NO_ASSESSMENT_DUE));
        TriageWork.fixture(london("2026-11-20T12:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, london("2026-11-25T10:00"),
                        AssessmentCompleted.Outcome.EARLY_HELP, null, null, SW1))
                .expectException(refused(Refusal.TIME_IN_FUTURE));
        TriageWork.fixture(london("2026-11-20T12:00")).givenCommands(decided(NOVEMBER_2, DecisionOutcome.ASSESSMENT))
                .when(new RecordAssessmentCompleted(CHILD, CONTACT, london("2026-11-20T10:00"),
                        AssessmentCompleted.Outcome.EARLY_HELP, null, null, TriageWork.ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    // ----- duties the rules raise -----

    @Test
    void a_return_home_interview_is_due_72_hours_after_the_return_through_the_bank_holiday() {
        Instant returned = london("2026-05-22T10:00");
        TriageWork.fixture(FRIDAY_1600).givenNoPriorActivity()
                .when(contact(FRIDAY_1600, List.of("RETURNED_FROM_MISSING"), returned))
                .expectEventsMatching(clocksOf(ClockType.RETURN_HOME_INTERVIEW,
                        started(ClockType.RETURN_HOME_INTERVIEW, returned, london("2026-05-24T16:00"),
                                london("2026-05-25T10:00"))));
    }

    @Test
    void a_private_fostering_visit_is_due_seven_working_days_after_notification() {
        TriageWork.fixture(FRIDAY_1600).givenNoPriorActivity()
                .when(contact(FRIDAY_1600, List.of("PRIVATE_FOSTERING")))
                .expectEventsMatching(clocksOf(ClockType.PRIVATE_FOSTERING_VISIT,
                        // 56 office hours; the warning at 42: Friday's last one, five whole days, Tuesday's first.
                        started(ClockType.PRIVATE_FOSTERING_VISIT, FRIDAY_1600, london("2026-06-02T10:00"),
                                london("2026-06-03T16:00"))));
    }

    @Test
    void a_lado_referral_is_due_within_one_working_day() {
        TriageWork.fixture(FRIDAY_1600).givenNoPriorActivity()
                .when(contact(FRIDAY_1600, List.of("ALLEGATION_AGAINST_PROFESSIONAL")))
                .expectEventsMatching(clocksOf(ClockType.LADO_REFERRAL,
                        started(ClockType.LADO_REFERRAL, FRIDAY_1600, london("2026-05-26T14:00"), TUESDAY_1600)));
    }

    @Test
    void a_return_home_interview_held_in_time_stops_its_clock_and_nothing_fires_afterwards() {
        Instant returned = london("2026-05-22T10:00");
        Instant held = london("2026-05-22T15:00");
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(FRIDAY_1600, List.of("RETURNED_FROM_MISSING"), returned))
                .when(new RecordDutyCompleted(CHILD, CONTACT, ClockType.RETURN_HOME_INTERVIEW, held,
                        "Independent interview held.", SW1))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        is(DutyCompleted.class, done -> done.duty() == ClockType.RETURN_HOME_INTERVIEW
                                && done.doneAt().equals(held)),
                        is(ClockStopped.class, stopped -> stopped.type() == ClockType.RETURN_HOME_INTERVIEW
                                && !stopped.late() && stopped.doneAt().equals(held)),
                        andNoMore())))
                .expectNoScheduledDeadlineMatching(london("2026-05-25T10:00"), deadline(ClockDeadline.Stage.BREACH));
    }

    @Test
    void a_return_home_interview_cannot_be_recorded_as_held_before_the_child_returned() {
        Instant returned = london("2026-05-22T10:00");
        TriageWork.fixture(FRIDAY_1600)
                .givenCommands(contact(FRIDAY_1600, List.of("RETURNED_FROM_MISSING"), returned))
                .when(new RecordDutyCompleted(CHILD, CONTACT, ClockType.RETURN_HOME_INTERVIEW,
                        london("2026-05-22T09:00"), "Independent interview held.", SW1))
                .expectException(refused(Refusal.TIME_TOO_EARLY))
                .expectExceptionMessage("doneAt is before the duty arose.")
                .expectNoEvents();
    }

    @Test
    void a_duty_the_rules_did_not_raise_cannot_be_recorded_as_done() {
        TriageWork.fixture(FRIDAY_1600).givenCommands(contact(FRIDAY_1600, List.of()))
                .when(new RecordDutyCompleted(CHILD, CONTACT, ClockType.LADO_REFERRAL, FRIDAY_1600, null, SW1))
                .expectException(refused(Refusal.DUTY_NOT_DUE));
    }

    // ----- alerts -----

    @Test
    void a_manager_acknowledges_an_open_alert_with_a_note() {
        TriageWork.fixture(TUESDAY_1600)
                .given(TriageWork.received(), TriageWork.assessed(), openAlert("clock-1")[0], openAlert("clock-1")[1])
                .when(new AcknowledgeAlert(CHILD, "clock-1", "Calling the worker now.", MANAGER1))
                .expectEvents(new AlertAcknowledged(CHILD, CONTACT, "clock-1", "Calling the worker now.", MANAGER1,
                        TUESDAY_1600));
    }

    @Test
    void only_managers_act_on_alerts_and_only_on_open_ones() {
        TriageWork.fixture(TUESDAY_1600)
                .given(TriageWork.received(), TriageWork.assessed(), openAlert("clock-1")[0], openAlert("clock-1")[1])
                .when(new AssignAlert(CHILD, "clock-1", "sw2", SW1))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
        TriageWork.fixture(TUESDAY_1600)
                .given(TriageWork.received(), TriageWork.assessed(), started("clock-1"))
                .when(new AssignAlert(CHILD, "clock-1", "sw2", MANAGER1))
                .expectException(refused(Refusal.ALERT_NOT_OPEN));
        // What an action must say, the command requires whatever the record holds.
        assertThat(catchThrowable(() -> new EscalateAlert(CHILD, "clock-1", "head-of-service", null, MANAGER1)))
                .matches(refused(Refusal.REASON_REQUIRED)::matches);
    }

    @Test
    void each_action_on_an_alert_says_what_it_must() {
        assertThat(catchThrowable(() -> new AcknowledgeAlert(CHILD, "clock-1", " ", MANAGER1)))
                .matches(refused(Refusal.REASON_REQUIRED)::matches);
        assertThat(catchThrowable(() -> new AssignAlert(CHILD, "clock-1", null, MANAGER1)))
                .matches(refused(Refusal.ASSIGNEE_REQUIRED)::matches);
        assertThat(catchThrowable(() -> new EscalateAlert(CHILD, "clock-1", "", "Nobody free.", MANAGER1)))
                .matches(refused(Refusal.FIELD_REQUIRED)::matches);
    }

    @Test
    void an_assigned_or_escalated_alert_names_the_person_without_stray_spaces() {
        TriageWork.fixture(TUESDAY_1600)
                .given(TriageWork.received(), TriageWork.assessed(), openAlert("clock-1")[0], openAlert("clock-1")[1])
                .when(new EscalateAlert(CHILD, "clock-1", " manager2 ", "Nobody free in MASH today.", MANAGER1))
                .expectEvents(new AlertEscalated(CHILD, CONTACT, "clock-1", "manager2",
                        "Nobody free in MASH today.", MANAGER1, TUESDAY_1600));
    }

    @Test
    void an_alert_is_assigned_and_escalated_only_to_staff_the_service_knows() {
        var open = new Object[]{TriageWork.received(), TriageWork.assessed(), openAlert("clock-1")[0],
                openAlert("clock-1")[1]};
        TriageWork.fixture(TUESDAY_1600).given(open)
                .when(new AssignAlert(CHILD, "clock-1", "sw9", MANAGER1))
                .expectException(refusedFor(Refusal.UNKNOWN_STAFF, "assignee"))
                .expectNoEvents();
        // The duty is casework: an administrator is known, but does not act on it.
        TriageWork.fixture(TUESDAY_1600).given(open)
                .when(new AssignAlert(CHILD, "clock-1", "admin1", MANAGER1))
                .expectException(refusedFor(Refusal.UNKNOWN_STAFF, "assignee"));
        TriageWork.fixture(TUESDAY_1600).given(open)
                .when(new EscalateAlert(CHILD, "clock-1", "head-of-service", "Nobody free.", MANAGER1))
                .expectException(refusedFor(Refusal.UNKNOWN_STAFF, "to"))
                .expectNoEvents();
        // Escalated to a senior manager, never to a worker.
        TriageWork.fixture(TUESDAY_1600).given(open)
                .when(new EscalateAlert(CHILD, "clock-1", "sw2", "Nobody free.", MANAGER1))
                .expectException(refusedFor(Refusal.UNKNOWN_STAFF, "to"));
    }

    private static org.hamcrest.Matcher<Object> refusedFor(Refusal refusal, String field) {
        return org.axonframework.test.matchers.Matchers.predicate(thrown ->
                thrown instanceof uk.frontdoor.triage.api.staff.TriageRefusedException refused
                        && refused.refusal() == refusal && field.equals(refused.field()));
    }

    // ----- helpers -----

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(uk.frontdoor.rules.WorkingCalendar.LONDON).toInstant();
    }

    private static RecordContact contact(Instant receivedAt, List<String> extraIndicators) {
        return contact(receivedAt, extraIndicators, null);
    }

    private static RecordContact contact(Instant receivedAt, List<String> extraIndicators, Instant awareSince) {
        return contact(receivedAt, extraIndicators, awareSince, false);
    }

    /** A contact with immediate risk, which the rules always rate red. */
    private static RecordContact redContact(Instant receivedAt) {
        return contact(receivedAt, List.of(), null, true);
    }

    private static RecordContact contact(Instant receivedAt, List<String> extraIndicators, Instant awareSince,
                                         boolean immediateRisk) {
        ContactSubmission example = Examples.domesticAbuseNotification("NICHE-1");
        List<String> indicators = new ArrayList<>(example.concerns().indicators());
        indicators.addAll(extraIndicators);
        var submission = new ContactSubmission(example.submissionId(), example.referralSource(), example.referrer(),
                example.child(), example.household(), new ContactSubmission.Concerns(example.concerns().factors(),
                indicators, example.concerns().narrative()),
                awareSince == null ? example.awareSince() : awareSince, example.consent(), immediateRisk,
                example.actionsTaken());
        return new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, receivedAt, submission, List.of());
    }

    /** A contact received at {@code receivedAt}, held, consented and proposed for {@code outcome}. */
    private static Object[] proposed(Instant receivedAt, DecisionOutcome outcome) {
        return new Object[]{contact(receivedAt, List.of()), new ClaimContact(CHILD, CONTACT, SW1),
                new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1),
                new ProposeDecision(CHILD, CONTACT, outcome, "Needs assessing.", SW1)};
    }

    /** The same, authorised by a manager, and the referrer told a day after the contact arrived. */
    private static Object[] decided(Instant receivedAt, DecisionOutcome outcome) {
        List<Object> commands = new ArrayList<>(List.of(proposed(receivedAt, outcome)));
        commands.add(new AuthoriseProposal(CHILD, CONTACT, "Proportionate.", MANAGER1));
        commands.add(new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.SECURE_EMAIL,
                receivedAt.plus(Duration.ofDays(1)), null, SW1));
        return commands.toArray();
    }

    /** A contact rated {@code priority}, held, consented and proposed for a strategy discussion. */
    private static Object[] decidedSection47(Priority priority) {
        List<Object> commands = new ArrayList<>(List.of(contact(FRIDAY_1600, List.of()),
                new ClaimContact(CHILD, CONTACT, SW1),
                new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1)));
        if (priority != Priority.AMBER) {
            commands.add(new ChangePriority(CHILD, CONTACT, priority, "Rated " + priority + ".", SW1));
        }
        commands.add(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.STRATEGY_DISCUSSION, "Harm suspected.", SW1));
        return commands.toArray();
    }

    private static ClockStarted started(String clockId) {
        return new ClockStarted(CHILD, CONTACT, clockId, ClockType.CONTACT_DECISION, null, "MASH", Priority.AMBER,
                FRIDAY_1600, london("2026-05-26T10:00"), TUESDAY_1600, List.of());
    }

    private static Object[] openAlert(String clockId) {
        return new Object[]{started(clockId), new ClockWarned(CHILD, CONTACT, clockId, ClockType.CONTACT_DECISION,
                TUESDAY_1600, london("2026-05-26T10:00"))};
    }

    private static Predicate<Object> started(ClockType type, Instant startedAt, Instant warnAt, Instant dueAt) {
        return event -> event instanceof ClockStarted started && started.type() == type
                && started.startedAt().equals(startedAt) && started.warnAt().equals(warnAt)
                && started.dueAt().equals(dueAt) && started.scheduleIds().size() == 2;
    }

    private static Predicate<Object> stopped(ClockType type, ClockStopped.Reason reason, boolean late) {
        return event -> event instanceof ClockStopped stopped && stopped.type() == type && stopped.reason() == reason
                && stopped.late() == late;
    }

    /** The clock events published, in order, match these exactly. */
    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> clocks(Predicate<Object>... expected) {
        return clockEvents(type -> true, expected);
    }

    /** The clock events of one type published, in order, match these exactly. */
    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> clocksOf(ClockType type, Predicate<Object>... expected) {
        return clockEvents(candidate -> candidate == type, expected);
    }

    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> clockEvents(Predicate<ClockType> types, Predicate<Object>... expected) {
        return predicate(events -> {
            List<Object> clocks = events.stream().<Object>map(EventMessage::getPayload)
                    .filter(payload -> payload instanceof ClockStarted started && types.test(started.type())
                            || payload instanceof ClockStopped stopped && types.test(stopped.type()))
                    .toList();
            if (clocks.size() != expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if (!expected[i].test(clocks.get(i))) {
                    return false;
                }
            }
            return true;
        });
    }

    private static <T> Matcher<Object> is(Class<T> type, Predicate<T> condition) {
        return predicate(event -> type.isInstance(event) && condition.test(type.cast(event)));
    }

    private static Matcher<org.axonframework.deadline.DeadlineMessage<?>> deadline(ClockDeadline.Stage stage) {
        return predicate(message -> message.getPayload() instanceof ClockDeadline deadline
                && deadline.stage() == stage);
    }
}
