package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.command.ChangePriority;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.command.RecordPartnerReply;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.RequestPartnerChecks;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.time.Instant;
import java.util.List;

import static uk.frontdoor.triage.child.TriageWork.assertMalformed;
import static uk.frontdoor.triage.child.TriageWork.workEvents;
import static uk.frontdoor.triage.child.TriageWork.withoutClocks;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.SW2;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.claimed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class ChecksAndPriorityTest {

    private static final PartnerCheckRequested POLICE_CHECK = new PartnerCheckRequested(CHILD, CONTACT, "check-1",
            "POLICE", "Known to police?", Instant.parse("2026-11-23T16:00:00Z"), SW1, NOW);

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void each_named_agency_is_asked_with_its_reply_due_by_the_amber_allowance() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE", "HEALTH"), "Known to you?", SW1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        check("POLICE", "2026-11-23T16:00:00Z"),
                        check("HEALTH", "2026-11-23T16:00:00Z"),
                        andNoMore())));
    }

    @Test
    void a_red_contacts_checks_are_due_in_two_working_hours() {
        fixture.given(received(), assessed(4, Priority.RED), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("EDUCATION"), null, SW1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        check("EDUCATION", "2026-11-23T12:00:00Z"), andNoMore())));
    }

    @Test
    void a_green_check_asked_on_friday_afternoon_is_due_three_office_days_later_not_over_the_weekend() {
        // 24 working hours are office hours (09:00-17:00 on working days): 1 on Friday, 8 on Monday, 8 on Tuesday,
        // 7 on Wednesday. (With the old 24-hour working day this was Monday 16:00.)
        var fridayAfternoon = TriageWork.fixture(Instant.parse("2026-11-27T16:00:00Z"));
        fridayAfternoon.given(received(), assessed(2, Priority.GREEN), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("HOUSING"), null, SW1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        check("HOUSING", "2026-12-02T16:00:00Z", Instant.parse("2026-11-27T16:00:00Z")), andNoMore())));
    }

    @Test
    void an_agency_the_partnership_has_not_configured_is_refused() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE", "ASTROLOGERS"), null, SW1))
                .expectException(refused(Refusal.UNKNOWN_AGENCY))
                .expectNoEvents();
    }

    @Test
    void a_check_names_at_least_one_agency() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of(), null, SW1))
                .expectException(refused(Refusal.AGENCY_REQUIRED));
    }

    @Test
    void only_the_holder_asks_partners() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("POLICE"), null, SW2))
                .expectException(refused(Refusal.CLAIMED_BY_ANOTHER));
    }

    @Test
    void a_reply_in_time_is_recorded_by_administrative_staff() {
        fixture.given(received(), assessed(), claimed(SW1), POLICE_CHECK)
                .when(new RecordPartnerReply(CHILD, CONTACT, "check-1", "Two call-outs this year.", ADMIN))
                .expectEventsMatching(workEvents(new PartnerCheckReplied(CHILD, CONTACT, "check-1", "POLICE", "Two call-outs this year.",
                        false, ADMIN, NOW)));
    }

    @Test
    void a_reply_after_the_due_time_is_marked_late() {
        Instant afterDue = Instant.parse("2026-11-23T16:30:00Z");
        var late = TriageWork.fixture(afterDue);
        late.given(received(), assessed(), claimed(SW1), POLICE_CHECK)
                .when(new RecordPartnerReply(CHILD, CONTACT, "check-1", "Nothing known.", SW1))
                .expectEventsMatching(workEvents(new PartnerCheckReplied(CHILD, CONTACT, "check-1", "POLICE", "Nothing known.", true,
                        SW1, afterDue)));
    }

    @Test
    void a_check_is_answered_once() {
        fixture.given(received(), assessed(), claimed(SW1), POLICE_CHECK,
                        new PartnerCheckReplied(CHILD, CONTACT, "check-1", "POLICE", "Nothing known.", false, SW1, NOW))
                .when(new RecordPartnerReply(CHILD, CONTACT, "check-1", "Again.", SW1))
                .expectException(refused(Refusal.CHECK_ALREADY_ANSWERED));
    }

    @Test
    void a_reply_to_an_unknown_check_is_refused() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RecordPartnerReply(CHILD, CONTACT, "no-such-check", "Text.", SW1))
                .expectException(refused(Refusal.UNKNOWN_CHECK));
    }

    @Test
    void a_reply_says_something() {
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new RecordPartnerReply(CHILD, CONTACT, "check-1", "", SW1));
    }

    @Test
    void raising_the_rag_rating_recomputes_the_response_due_time_from_receipt() {
        // Received Monday 09:15; red allows 4 working hours.
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ChangePriority(CHILD, CONTACT, Priority.RED, "Police report new injuries.", SW1))
                .expectEventsMatching(workEvents(new PriorityChanged(CHILD, CONTACT, Priority.AMBER, Priority.RED,
                        Instant.parse("2026-11-23T13:15:00Z"), "Police report new injuries.", SW1, NOW)));
    }

    @Test
    void a_change_of_rag_rating_needs_its_rationale() {
        assertMalformed(Refusal.REASON_REQUIRED, () -> new ChangePriority(CHILD, CONTACT, Priority.RED, null, SW1));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new ChangePriority(CHILD, CONTACT, null, "Why.", SW1));
    }

    @Test
    void setting_the_same_rating_is_refused() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ChangePriority(CHILD, CONTACT, Priority.AMBER, "No change.", SW1))
                .expectException(refused(Refusal.PRIORITY_UNCHANGED));
    }

    @Test
    void administrative_staff_do_not_set_priority() {
        fixture.given(received(), assessed())
                .when(new ChangePriority(CHILD, CONTACT, Priority.RED, "Looks urgent.", ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void checks_after_a_rating_change_follow_the_new_rating() {
        fixture.given(received(), assessed(), claimed(SW1), new PriorityChanged(CHILD, CONTACT, Priority.AMBER,
                        Priority.RED, Instant.parse("2026-11-23T13:15:00Z"), "New injuries.", SW1, NOW))
                .when(new RequestPartnerChecks(CHILD, CONTACT, List.of("HEALTH"), null, SW1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        check("HEALTH", "2026-11-23T12:00:00Z"), andNoMore())));
    }

    private static org.hamcrest.Matcher<Object> check(String agency, String dueAt) {
        return check(agency, dueAt, NOW);
    }

    private static org.hamcrest.Matcher<Object> check(String agency, String dueAt, Instant askedAt) {
        return predicate(event -> event instanceof PartnerCheckRequested requested
                && requested.agency().equals(agency)
                && requested.dueAt().equals(Instant.parse(dueAt))
                && requested.actor().equals(SW1)
                && requested.at().equals(askedAt)
                && !requested.checkId().isBlank());
    }
}
