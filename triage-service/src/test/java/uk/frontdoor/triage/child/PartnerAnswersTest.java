package uk.frontdoor.triage.child;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ClockStopped;
import uk.frontdoor.triage.api.PartnerCheckAnswered;
import uk.frontdoor.triage.api.PartnerCheckAnswered.Answer;
import uk.frontdoor.triage.api.PartnerCheckAnswered.Answerer;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.command.AnswerPartnerCheck;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ClockType;
import uk.frontdoor.triage.timeliness.Allowance;
import uk.frontdoor.triage.work.TriagePolicy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assertMalformed;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.claimed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;
import static uk.frontdoor.triage.child.TriageWork.withoutClocks;

/** A partner agency answers the checks sent to it, itself: over the partner API, Kafka or its seconded staff's pages. */
class PartnerAnswersTest {

    private static final Instant DUE = Instant.parse("2026-11-23T16:00:00Z");
    private static final PartnerCheckRequested POLICE_CHECK = new PartnerCheckRequested(CHILD, CONTACT, "check-1",
            "POLICE", "Known to police?", DUE, SW1, NOW);
    private static final ClockStarted POLICE_CLOCK = new ClockStarted(CHILD, CONTACT, "clock-1",
            ClockType.PARTNER_CHECK, "check-1", "MASH", Priority.AMBER, NOW, Instant.parse("2026-11-23T14:30:00Z"), DUE,
            List.of());
    private static final Answerer POLICE_API = new Answerer(null, "demo-police", Channel.HTTP);

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void the_agency_asked_answers_in_time_and_its_clock_stops() {
        fixture.given(received(), assessed(), claimed(SW1), POLICE_CHECK, POLICE_CLOCK)
                .when(new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "POLICE", Answer.INFORMATION_FOUND,
                        "Two call-outs this year.", null, POLICE_API))
                .expectEventsMatching(payloads(events -> events.size() == 2
                        && events.get(0).equals(new PartnerCheckAnswered(CHILD, CONTACT, "check-1", "POLICE",
                        Answer.INFORMATION_FOUND, "Two call-outs this year.", null, false, POLICE_API, NOW))
                        && events.get(1) instanceof ClockStopped stopped && stopped.clockId().equals("clock-1")
                        && stopped.reason() == ClockStopped.Reason.DONE && !stopped.late()));
    }

    @Test
    void an_answer_after_the_due_time_is_marked_late_and_so_is_its_clock() {
        Instant afterDue = Instant.parse("2026-11-23T16:30:00Z");
        var staff = new Answerer("health1", "HEALTH", Channel.STAFF);
        var healthCheck = new PartnerCheckRequested(CHILD, CONTACT, "check-2", "HEALTH", null, DUE, SW1, NOW);
        var healthClock = new ClockStarted(CHILD, CONTACT, "clock-2", ClockType.PARTNER_CHECK, "check-2", "MASH",
                Priority.AMBER, NOW, Instant.parse("2026-11-23T14:30:00Z"), DUE, List.of());
        TriageWork.fixture(afterDue)
                .given(received(), assessed(), claimed(SW1), healthCheck, healthClock)
                .when(new AnswerPartnerCheck(CHILD, CONTACT, "check-2", "HEALTH", Answer.NONE_HELD, null, null, staff))
                .expectEventsMatching(payloads(events -> events.size() == 2
                        && events.get(0).equals(new PartnerCheckAnswered(CHILD, CONTACT, "check-2", "HEALTH",
                        Answer.NONE_HELD, null, null, true, staff, afterDue))
                        && events.get(1) instanceof ClockStopped stopped && stopped.clockId().equals("clock-2")
                        && stopped.late()));
    }

    @Test
    void a_check_sent_to_another_agency_is_not_found_for_this_one() {
        fixture.given(received(), assessed(), claimed(SW1), POLICE_CHECK)
                .when(new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "HEALTH", Answer.NONE_HELD, null, null,
                        new Answerer(null, "demo-health", Channel.HTTP)))
                .expectException(refused(Refusal.UNKNOWN_CHECK))
                .expectNoEvents();
    }

    @Test
    void a_second_answer_is_refused_whoever_gave_the_first() {
        fixture.given(received(), assessed(), claimed(SW1), POLICE_CHECK,
                        new PartnerCheckReplied(CHILD, CONTACT, "check-1", "POLICE", "Typed in.", false, SW1, NOW))
                .when(new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "POLICE", Answer.NONE_HELD, null, null,
                        POLICE_API))
                .expectException(refused(Refusal.CHECK_ALREADY_ANSWERED))
                .expectNoEvents();
        fixture.given(received(), assessed(), claimed(SW1), POLICE_CHECK,
                        new PartnerCheckAnswered(CHILD, CONTACT, "check-1", "POLICE", Answer.NONE_HELD, null, null,
                                false, POLICE_API, NOW))
                .when(new RecordPartnerReply(CHILD, CONTACT, "check-1", "Typed in after.", SW1))
                .expectException(refused(Refusal.CHECK_ALREADY_ANSWERED));
    }

    @Test
    void an_answer_says_what_was_found_and_a_refusal_to_share_says_why() {
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "POLICE",
                null, "Text.", null, POLICE_API));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "POLICE",
                Answer.INFORMATION_FOUND, " ", null, POLICE_API));
        assertMalformed(Refusal.REASON_REQUIRED, () -> new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "POLICE",
                Answer.CANNOT_SHARE, null, null, POLICE_API));
        assertThatThrownBy(() -> new AnswerPartnerCheck(CHILD, CONTACT, "check-1", "POLICE", Answer.CANNOT_SHARE,
                null, null, POLICE_API)).hasFieldOrPropertyWithValue("field", "reason");
    }

    @Test
    void each_agency_has_its_own_reply_times_where_the_partnership_agreed_them() {
        var policy = new TriagePolicy(TriageWork.CALENDAR, Set.copyOf(TriagePolicy.DEFAULT_AGENCIES), Map.of(),
                Map.of("POLICE", Map.of(Priority.AMBER, Allowance.workingHours(1)),
                        "HEALTH", Map.of(Priority.AMBER, Allowance.workingDays(1))));
        TriageWork.fixture(NOW, LinkedContacts.NONE, policy)
                .given(received(), assessed(), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE", "HEALTH", "EDUCATION"), null, SW1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        due("POLICE", "2026-11-23T11:00:00Z"),
                        due("HEALTH", "2026-11-24T10:00:00Z"),
                        // No agreement of its own: the partnership's amber 6 working hours.
                        due("EDUCATION", "2026-11-23T16:00:00Z"),
                        andNoMore())));
    }

    @Test
    void times_for_an_agency_the_partnership_does_not_have_stop_the_start() {
        assertThatThrownBy(() -> new TriagePolicy(TriageWork.CALENDAR, Set.copyOf(TriagePolicy.DEFAULT_AGENCIES),
                Map.of(), Map.of("POLCE", Map.of(Priority.RED, Allowance.workingHours(1)))))
                .hasMessageContaining("POLCE");
    }

    private static Matcher<Object> due(String agency, String dueAt) {
        return predicate(event -> event instanceof PartnerCheckRequested requested
                && requested.agency().equals(agency) && requested.dueAt().equals(Instant.parse(dueAt)));
    }

    private static Matcher<List<EventMessage<?>>> payloads(java.util.function.Predicate<List<Object>> expected) {
        return predicate(messages -> expected.test(messages.stream().<Object>map(EventMessage::getPayload).toList()));
    }
}
