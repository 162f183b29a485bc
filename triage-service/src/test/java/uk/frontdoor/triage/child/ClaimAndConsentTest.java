package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.command.RecordConsent;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.ReleaseContact;

import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.SW2;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.authorised;
import static uk.frontdoor.triage.child.TriageWork.claimed;
import static uk.frontdoor.triage.child.TriageWork.consentGiven;
import static uk.frontdoor.triage.child.TriageWork.proposed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class ClaimAndConsentTest {

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void a_social_worker_claims_an_assessed_contact() {
        fixture.given(received(), assessed())
                .when(new ClaimContact(CHILD, CONTACT, SW1))
                .expectEvents(claimed(SW1));
    }

    @Test
    void a_contact_held_by_one_worker_cannot_be_claimed_by_another() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ClaimContact(CHILD, CONTACT, SW2))
                .expectException(refused(Refusal.CLAIMED_BY_ANOTHER))
                .expectNoEvents();
    }

    @Test
    void claiming_again_a_contact_you_hold_changes_nothing() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ClaimContact(CHILD, CONTACT, SW1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void administrative_staff_do_not_screen_contacts() {
        fixture.given(received(), assessed())
                .when(new ClaimContact(CHILD, CONTACT, ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void a_decided_contact_cannot_be_claimed() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1),
                        proposed(DecisionOutcome.ASSESSMENT, SW1), authorised(DecisionOutcome.ASSESSMENT))
                .when(new ClaimContact(CHILD, CONTACT, SW2))
                .expectException(refused(Refusal.CONTACT_DECIDED));
    }

    @Test
    void a_contact_not_in_the_childs_stream_is_refused() {
        fixture.given(received(), assessed())
                .when(new ClaimContact(CHILD, ContactId.of("not-this-childs"), SW1))
                .expectException(refused(Refusal.UNKNOWN_CONTACT));
    }

    @Test
    void the_holder_releases_a_contact() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ReleaseContact(CHILD, CONTACT, SW1))
                .expectEvents(new ContactReleased(CHILD, CONTACT, "sw1", SW1, NOW));
    }

    @Test
    void a_manager_releases_a_contact_another_worker_holds() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ReleaseContact(CHILD, CONTACT, MANAGER1))
                .expectEvents(new ContactReleased(CHILD, CONTACT, "sw1", MANAGER1, NOW));
    }

    @Test
    void a_worker_cannot_release_another_workers_contact() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ReleaseContact(CHILD, CONTACT, SW2))
                .expectException(refused(Refusal.CLAIMED_BY_ANOTHER));
    }

    @Test
    void after_release_another_worker_may_claim() {
        fixture.given(received(), assessed(), claimed(SW1), new ContactReleased(CHILD, CONTACT, "sw1", SW1, NOW))
                .when(new ClaimContact(CHILD, CONTACT, SW2))
                .expectEvents(claimed(SW2));
    }

    @Test
    void the_holder_records_consent_given() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1))
                .expectEvents(consentGiven(SW1));
    }

    @Test
    void consent_cannot_be_recorded_on_an_unclaimed_contact() {
        fixture.given(received(), assessed())
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.GIVEN, null, SW1))
                .expectException(refused(Refusal.CLAIM_REQUIRED));
    }

    @Test
    void consent_not_sought_needs_a_reason() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.NOT_SOUGHT, " ", SW1))
                .expectException(refused(Refusal.REASON_REQUIRED));
    }

    @Test
    void consent_not_sought_is_recorded_with_its_reason() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.NOT_SOUGHT,
                        "Asking would alert the alleged abuser.", SW1))
                .expectEvents(new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.NOT_SOUGHT,
                        "Asking would alert the alleged abuser.", SW1, NOW));
    }

    @Test
    void a_social_worker_cannot_override_a_refusal() {
        fixture.given(received(), assessed(), claimed(SW1),
                        new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.REFUSED, null, SW1, NOW))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.REFUSAL_OVERRIDDEN, "Risk.", SW1))
                .expectException(refused(Refusal.MANAGER_AUTHORISATION_REQUIRED));
    }

    @Test
    void only_a_recorded_refusal_can_be_overridden() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.REFUSAL_OVERRIDDEN, "Risk.",
                        MANAGER1))
                .expectException(refused(Refusal.CONSENT_NOT_REFUSED));
    }

    @Test
    void overriding_a_refusal_needs_a_reason() {
        fixture.given(received(), assessed(), claimed(SW1),
                        new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.REFUSED, null, SW1, NOW))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.REFUSAL_OVERRIDDEN, null,
                        MANAGER1))
                .expectException(refused(Refusal.REASON_REQUIRED));
    }

    @Test
    void a_manager_overrides_a_refusal_with_a_reason() {
        fixture.given(received(), assessed(), claimed(SW1),
                        new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.REFUSED, null, SW1, NOW))
                .when(new RecordConsent(CHILD, CONTACT, ConsentRecorded.Decision.REFUSAL_OVERRIDDEN,
                        "Reasonable cause to suspect significant harm.", MANAGER1))
                .expectEvents(new ConsentRecorded(CHILD, CONTACT, ConsentRecorded.Decision.REFUSAL_OVERRIDDEN,
                        "Reasonable cause to suspect significant harm.", MANAGER1, NOW));
    }
}
