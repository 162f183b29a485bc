package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.Examples;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordStepUp;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.command.StepUpFromEarlyHelp;
import uk.frontdoor.triage.api.SteppedUpFromEarlyHelp;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Instant;
import java.util.List;

import static uk.frontdoor.triage.child.TriageWork.withoutClocks;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.claimed;
import static uk.frontdoor.triage.child.TriageWork.consentGiven;
import static uk.frontdoor.triage.child.TriageWork.proposed;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;

/** Step-up from early help, and the decisions in the stream as history for the rules. */
class StepUpAndHistoryTest {

    private static final ContactId STEP_UP = ContactId.of("0d9c3f44-1e55-4b5e-a1b6-7d1c0f6c0003");
    private static final Instant LATER = NOW.plusSeconds(30L * 86_400);

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture(LATER);
    }

    private static Object[] decided(DecisionOutcome outcome) {
        return new Object[]{received(), assessed(), claimed(SW1), consentGiven(SW1), proposed(outcome, SW1),
                TriageWork.authorised(outcome)};
    }

    private static StepUpFromEarlyHelp stepUp(String reason) {
        return new StepUpFromEarlyHelp(CHILD, "Six weeks of family support; home conditions unchanged.", reason,
                List.of("21"), List.of(), false, SW1);
    }

    /** No agency referred a step-up: there is no referral to score against the referral standard. */
    @Test
    void a_step_up_is_not_scored_against_the_referral_standard() {
        fixture.given(decided(DecisionOutcome.EARLY_HELP))
                .when(new RecordStepUp(CHILD, STEP_UP, LATER, stepUp("Neglect worsening despite support.")))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate((Object event) -> event instanceof SteppedUpFromEarlyHelp),
                        predicate((Object event) -> event instanceof ContactReceived),
                        predicate((Object event) -> event instanceof ThresholdAssessed assessed
                                && assessed.completeness() == null),
                        andNoMore())));
    }

    @Test
    void stepping_up_from_early_help_creates_a_contact_that_carries_the_early_help_history() {
        fixture.given(decided(DecisionOutcome.EARLY_HELP))
                .when(new RecordStepUp(CHILD, STEP_UP, LATER, stepUp("Neglect worsening despite support.")))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate((Object event) -> event.equals(new SteppedUpFromEarlyHelp(CHILD, STEP_UP, CONTACT,
                                NOW, "Six weeks of family support; home conditions unchanged.",
                                "Neglect worsening despite support.", SW1, LATER))),
                        predicate((Object event) -> event instanceof ContactReceived received
                                && received.contactId().equals(STEP_UP)
                                && received.channel() == Channel.STEP_UP
                                && received.agency().equals(AgencyCode.of("demo-council"))
                                && received.submission().referralSource().equals("5D")
                                && received.submission().child().equals(Examples.domesticAbuseNotification("x").child())
                                && received.submission().actionsTaken().startsWith("Six weeks")),
                        predicate((Object event) -> event instanceof ThresholdAssessed assessed
                                && assessed.contactId().equals(STEP_UP)
                                && assessed.threshold().flags().contains("OPEN_TO_EARLY_HELP")),
                        andNoMore())));
    }

    @Test
    void only_a_child_whose_latest_decision_was_early_help_is_stepped_up() {
        fixture.given(decided(DecisionOutcome.ASSESSMENT))
                .when(new RecordStepUp(CHILD, STEP_UP, LATER, stepUp("Worse.")))
                .expectException(refused(Refusal.NOT_OPEN_TO_EARLY_HELP));
    }

    @Test
    void a_step_up_says_why_early_help_is_no_longer_enough() {
        fixture.given(decided(DecisionOutcome.EARLY_HELP))
                .when(new RecordStepUp(CHILD, STEP_UP, LATER, stepUp(" ")))
                .expectException(refused(Refusal.REASON_REQUIRED));
    }

    @Test
    void administrative_staff_do_not_step_children_up() {
        fixture.given(decided(DecisionOutcome.EARLY_HELP))
                .when(new RecordStepUp(CHILD, STEP_UP, LATER, new StepUpFromEarlyHelp(CHILD, "Support.", "Worse.",
                        List.of(), List.of(), false, ADMIN)))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
    }

    @Test
    void a_contact_after_a_referral_within_twelve_months_is_flagged_as_a_possible_re_referral() {
        fixture.given(decided(DecisionOutcome.ASSESSMENT))
                .when(new RecordContact(CHILD, STEP_UP, POLICE, Channel.HTTP, LATER,
                        Examples.domesticAbuseNotification("NICHE-2"), List.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate((Object event) -> event instanceof ContactReceived),
                        predicate((Object event) -> event instanceof ThresholdAssessed assessed
                                && fired(assessed).containsAll(List.of("RE-REFERRAL", "OPEN-TO-SOCIAL-CARE"))),
                        andNoMore())));
    }

    @Test
    void a_contact_after_early_help_is_flagged_open_to_early_help_and_not_as_a_re_referral() {
        fixture.given(decided(DecisionOutcome.EARLY_HELP))
                .when(new RecordContact(CHILD, STEP_UP, POLICE, Channel.HTTP, LATER,
                        Examples.domesticAbuseNotification("NICHE-2"), List.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate((Object event) -> event instanceof ContactReceived),
                        predicate((Object event) -> event instanceof ThresholdAssessed assessed
                                && fired(assessed).contains("OPEN-TO-EARLY-HELP")
                                && !fired(assessed).contains("RE-REFERRAL")),
                        andNoMore())));
    }

    private static List<String> fired(ThresholdAssessed assessed) {
        return assessed.threshold().rulesFired().stream().map(ThresholdAssessed.RuleFired::id).toList();
    }
}
