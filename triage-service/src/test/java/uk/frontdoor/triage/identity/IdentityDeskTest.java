package uk.frontdoor.triage.identity;

import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.command.LinkChildRecords;
import uk.frontdoor.triage.api.PossibleMatchFound;
import uk.frontdoor.triage.api.PossibleMatchResolved;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.ResolvePossibleMatch;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.child.Child;
import uk.frontdoor.triage.child.TriageWork;

import java.util.List;

import static uk.frontdoor.triage.child.TriageWork.assertMalformed;
import static uk.frontdoor.triage.child.TriageWork.workEvents;
import static uk.frontdoor.triage.child.TriageWork.withoutClocks;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.CLOCK;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

/**
 * Identity decisions on one record. Confirming a match links two records, which this one-stream
 * fixture cannot hold; that is tested against the real event store in the HTTP journey.
 */
class IdentityDeskTest {

    private static final ChildId KNOWN = ChildId.of("7c1d2e3f-0000-4000-8000-000000000001");
    private static final ChildId STRANGER = ChildId.of("7c1d2e3f-0000-4000-8000-000000000002");

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
        fixture.registerAnnotatedCommandHandler(new IdentityDesk(
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build(), CLOCK));
    }

    @Test
    void a_contact_with_possible_matches_waits_for_a_person_and_is_not_merged() {
        var submission = Examples.domesticAbuseNotification("NICHE-1");
        fixture.givenNoPriorActivity()
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission, List.of(KNOWN)))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate((Object event) -> event instanceof ContactReceived),
                        predicate((Object event) -> event.equals(new PossibleMatchFound(CHILD, CONTACT, List.of(KNOWN),
                                RECEIVED))),
                        predicate((Object event) -> event instanceof ThresholdAssessed),
                        andNoMore())));
    }

    @Test
    void a_person_rules_out_a_possible_match_with_a_reason() {
        fixture.given(received(), new PossibleMatchFound(CHILD, CONTACT, List.of(KNOWN), RECEIVED), assessed())
                .when(new ResolvePossibleMatch(CHILD, CONTACT, KNOWN, false, "Different school and GP.", SW1))
                .expectEventsMatching(workEvents(new PossibleMatchResolved(CHILD, CONTACT, KNOWN, false, "Different school and GP.", SW1,
                        NOW)));
    }

    @Test
    void only_a_candidate_can_be_confirmed_or_rejected() {
        fixture.given(received(), new PossibleMatchFound(CHILD, CONTACT, List.of(KNOWN), RECEIVED), assessed())
                .when(new ResolvePossibleMatch(CHILD, CONTACT, STRANGER, true, "Same child.", SW1))
                .expectException(refused(Refusal.NOT_A_CANDIDATE));
    }

    @Test
    void an_identity_decision_needs_a_reason() {
        assertMalformed(Refusal.REASON_REQUIRED, () -> new ResolvePossibleMatch(CHILD, CONTACT, KNOWN, false, null, SW1));
        assertMalformed(Refusal.REASON_REQUIRED, () -> new LinkChildRecords(CHILD, KNOWN, " ", SW1));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new LinkChildRecords(CHILD, null, "Same child.", SW1));
    }

    @Test
    void a_contact_without_possible_matches_has_nothing_to_resolve() {
        fixture.given(received(), assessed())
                .when(new ResolvePossibleMatch(CHILD, CONTACT, KNOWN, true, "Same child.", SW1))
                .expectException(refused(Refusal.NO_POSSIBLE_MATCH));
    }

    @Test
    void a_resolved_candidate_is_not_resolved_twice() {
        fixture.given(received(), new PossibleMatchFound(CHILD, CONTACT, List.of(KNOWN), RECEIVED), assessed(),
                        new PossibleMatchResolved(CHILD, CONTACT, KNOWN, false, "Different GP.", SW1, NOW))
                .when(new ResolvePossibleMatch(CHILD, CONTACT, KNOWN, true, "Changed my mind.", SW1))
                .expectException(refused(Refusal.NO_POSSIBLE_MATCH));
    }

    @Test
    void administrative_staff_do_not_decide_identity() {
        fixture.given(received(), new PossibleMatchFound(CHILD, CONTACT, List.of(KNOWN), RECEIVED), assessed())
                .when(new ResolvePossibleMatch(CHILD, CONTACT, KNOWN, false, "Different.", ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void a_record_is_not_linked_to_itself() {
        fixture.given(received(), assessed())
                .when(new LinkChildRecords(CHILD, CHILD, "Same.", SW1))
                .expectException(refused(Refusal.SAME_CHILD));
    }
}
