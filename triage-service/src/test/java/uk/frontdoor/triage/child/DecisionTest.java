package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.command.AuthoriseProposal;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.PartnerCheckReplied;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ProposalReturned;
import uk.frontdoor.triage.api.command.ProposeDecision;
import uk.frontdoor.triage.api.command.RecordFeedback;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.ReturnProposal;
import uk.frontdoor.triage.api.StrategyDiscussionRequired;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;

import java.time.Instant;
import java.util.List;

import static uk.frontdoor.triage.child.TriageWork.assertMalformed;
import static uk.frontdoor.triage.child.TriageWork.workEvents;
import static uk.frontdoor.triage.child.TriageWork.withoutClocks;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.MANAGER2;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.SYSADMIN;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.authorised;
import static uk.frontdoor.triage.child.TriageWork.claimed;
import static uk.frontdoor.triage.child.TriageWork.consentGiven;
import static uk.frontdoor.triage.child.TriageWork.proposed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

class DecisionTest {

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture();
    }

    @Test
    void a_proposal_lists_the_agencies_whose_replies_it_rests_on() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1),
                        new PartnerCheckRequested(CHILD, CONTACT, "c1", "POLICE", null, NOW.plusSeconds(3600), SW1, NOW),
                        new PartnerCheckRequested(CHILD, CONTACT, "c2", "HEALTH", null, NOW.plusSeconds(3600), SW1, NOW),
                        new PartnerCheckReplied(CHILD, CONTACT, "c1", "POLICE", "Known.", false, SW1, NOW))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Needs assessment.", SW1))
                .expectEventsMatching(workEvents(new DecisionProposed(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Needs assessment.",
                        List.of("POLICE"), false, SW1, NOW)));
    }

    @Test
    void a_proposal_made_on_social_care_information_alone_is_flagged() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Needs assessment.", SW1))
                .expectEventsMatching(workEvents(new DecisionProposed(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Needs assessment.",
                        List.of(), true, SW1, NOW)));
    }

    @Test
    void a_proposal_needs_its_rationale() {
        assertMalformed(Refusal.REASON_REQUIRED,
                () -> new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "  ", SW1));
    }

    @Test
    void a_proposal_needs_an_outcome() {
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new ProposeDecision(CHILD, CONTACT, null, "Rationale.", SW1));
    }

    @Test
    void a_proposal_waits_for_consent_to_be_recorded() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Rationale.", SW1))
                .expectException(refused(Refusal.CONSENT_NOT_RECORDED));
    }

    @Test
    void a_second_proposal_waits_for_the_first_to_be_authorised_or_returned() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Rationale.", SW1))
                .expectException(refused(Refusal.PROPOSAL_PENDING));
    }

    @Test
    void administrative_staff_do_not_propose_decisions() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Rationale.", ADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void a_manager_authorises_a_proposal_at_the_rules_level() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectEventsMatching(workEvents(authorised(DecisionOutcome.ASSESSMENT)));
    }

    @Test
    void nobody_authorises_their_own_proposal() {
        fixture.given(received(), assessed(), claimed(MANAGER1), consentGiven(MANAGER1),
                        proposed(DecisionOutcome.ASSESSMENT, MANAGER1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectException(refused(Refusal.OWN_PROPOSAL));
    }

    @Test
    void another_manager_authorises_a_managers_proposal() {
        fixture.given(received(), assessed(), claimed(MANAGER1), consentGiven(MANAGER1),
                        proposed(DecisionOutcome.ASSESSMENT, MANAGER1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER2))
                .expectEventsMatching(workEvents(new ProposalAuthorised(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "manager1", 3, false,
                        null, false, MANAGER2, NOW)));
    }

    @Test
    void only_managers_authorise() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, TriageWork.SW2))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void there_must_be_a_proposal_to_authorise() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectException(refused(Refusal.NO_PROPOSAL));
    }

    @Test
    void stepping_down_to_early_help_with_a_level_four_indicator_needs_the_managers_reason() {
        fixture.given(received(), assessed(4, Priority.RED), claimed(SW1), consentGiven(SW1),
                        proposed(DecisionOutcome.EARLY_HELP, SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectException(refused(Refusal.BELOW_THRESHOLD_REASON_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void a_step_down_with_the_managers_reason_is_marked_for_audit_sampling() {
        fixture.given(received(), assessed(4, Priority.RED), claimed(SW1), consentGiven(SW1),
                        proposed(DecisionOutcome.EARLY_HELP, SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, "Mother has left with the children; refuge confirms.",
                        MANAGER1))
                .expectEventsMatching(workEvents(new ProposalAuthorised(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "sw1", 4, true,
                        "Mother has left with the children; refuge confirms.", true, MANAGER1, NOW)));
    }

    @Test
    void a_section_47_decision_requires_a_strategy_discussion() {
        fixture.given(received(), assessed(4, Priority.RED), claimed(SW1), consentGiven(SW1),
                        proposed(DecisionOutcome.STRATEGY_DISCUSSION, SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ProposalAuthorised),
                        strategyDiscussionRequired(List.of(StrategyDiscussionRequired.SECTION_47_DECISION), Priority.RED),
                        andNoMore())));
    }

    @Test
    void a_strategy_discussion_the_rules_flagged_is_required_whatever_the_outcome() {
        fixture.given(received(), assessed(3, Priority.AMBER, "STRATEGY_DISCUSSION_REQUIRED"), claimed(SW1),
                        consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1))
                .when(new AuthoriseProposal(CHILD, CONTACT, null, MANAGER1))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ProposalAuthorised),
                        strategyDiscussionRequired(List.of(StrategyDiscussionRequired.RULES_FLAGGED), Priority.AMBER),
                        andNoMore())));
    }

    @Test
    void a_manager_returns_a_proposal_with_a_reason() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.EARLY_HELP, SW1))
                .when(new ReturnProposal(CHILD, CONTACT, "Ask health first.", MANAGER1))
                .expectEventsMatching(workEvents(new ProposalReturned(CHILD, CONTACT, "Ask health first.", MANAGER1, NOW)));
    }

    @Test
    void returning_a_proposal_needs_a_reason() {
        assertMalformed(Refusal.REASON_REQUIRED, () -> new ReturnProposal(CHILD, CONTACT, null, MANAGER1));
    }

    @Test
    void after_a_return_the_worker_proposes_again() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.EARLY_HELP, SW1),
                        new ProposalReturned(CHILD, CONTACT, "Ask health first.", MANAGER1, NOW))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.ASSESSMENT, "Health confirm concerns.", SW1))
                .expectEventsMatching(workEvents(new DecisionProposed(CHILD, CONTACT, DecisionOutcome.ASSESSMENT,
                        "Health confirm concerns.", List.of(), true, SW1, NOW)));
    }

    @Test
    void a_decided_contact_takes_no_new_proposal() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1),
                        authorised(DecisionOutcome.ASSESSMENT))
                .when(new ProposeDecision(CHILD, CONTACT, DecisionOutcome.EARLY_HELP, "Rationale.", SW1))
                .expectException(refused(Refusal.CONTACT_DECIDED));
    }

    @Test
    void feedback_tells_the_referrer_what_was_decided() {
        Instant sentAt = Instant.parse("2026-11-23T09:55:00Z");
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1),
                        authorised(DecisionOutcome.ASSESSMENT))
                .when(new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.SECURE_EMAIL, sentAt,
                        "Referral accepted for assessment.", ADMIN))
                .expectEventsMatching(withoutClocks(exactSequenceOf(equalTo(new FeedbackSent(CHILD, CONTACT,
                        DecisionOutcome.ASSESSMENT, FeedbackSent.Method.SECURE_EMAIL, sentAt,
                        "Referral accepted for assessment.", ADMIN, NOW)), andNoMore())));
    }

    @Test
    void there_is_no_feedback_before_a_decision() {
        fixture.given(received(), assessed(), claimed(SW1))
                .when(new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.PHONE, NOW, null, SW1))
                .expectException(refused(Refusal.NOT_DECIDED));
    }

    @Test
    void a_system_manager_records_no_feedback() {
        fixture.given(received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(DecisionOutcome.ASSESSMENT, SW1),
                        authorised(DecisionOutcome.ASSESSMENT))
                .when(new RecordFeedback(CHILD, CONTACT, FeedbackSent.Method.PHONE, NOW, null, SYSADMIN))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void feedback_says_how_it_was_sent() {
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new RecordFeedback(CHILD, CONTACT, null, NOW, null, SW1));
        assertMalformed(Refusal.FIELD_REQUIRED, () -> new RecordFeedback(CHILD, CONTACT,
                FeedbackSent.Method.EMAIL, null, null, SW1));
    }

    private static org.hamcrest.Matcher<Object> strategyDiscussionRequired(List<String> reasons, Priority priority) {
        return predicate(event -> event instanceof StrategyDiscussionRequired required
                && required.reasons().equals(reasons) && required.priority() == priority
                && required.at().equals(NOW) && !required.discussionId().isBlank());
    }
}
