package uk.frontdoor.triage.child;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.frontdoor.rules.ResponseScheme;
import uk.frontdoor.rules.RuleSetCatalogue;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.rules.WorkingCalendar;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.command.RecordFirstContact;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static uk.frontdoor.triage.child.TriageWork.withoutClocks;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.equalTo;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.LATER_CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.Examples.domesticAbuseNotification;

class ChildTest {

    private static final ThresholdEngine RULES = new ThresholdEngine(RuleSetCatalogue.loadDefault(),
            WorkingCalendar.englandAndWales(), ResponseScheme.defaults());

    private AggregateTestFixture<Child> fixture;

    @BeforeEach
    void setUp() {
        fixture = TriageWork.fixture(RECEIVED);
    }

    @Test
    void a_first_contact_starts_the_childs_stream_and_is_assessed_at_once() {
        var submission = domesticAbuseNotification("NICHE-1");

        fixture.givenNoPriorActivity()
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        equalTo(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission)),
                        assessed(threshold -> threshold.level() == 3
                                && threshold.priority() == ThresholdAssessed.Priority.AMBER
                                && firedIds(threshold).contains("DA-CHILD-PRESENT")
                                && threshold.ruleSet().id().equals("berkshire-threshold")
                                && threshold.ruleSet().version().equals("2026.1")
                                // Monday 09:15 plus 24 working hours
                                && threshold.responseDueAt().equals(Instant.parse("2026-11-24T09:15:00Z"))),
                        andNoMore())));
    }

    @Test
    void a_new_childs_first_contact_starts_the_stream_as_a_first_contact_does() {
        var submission = domesticAbuseNotification("NICHE-1");

        fixture.givenNoPriorActivity()
                .when(new RecordFirstContact(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED,
                        submission, List.of())))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        equalTo(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission)),
                        assessed(threshold -> threshold.level() == 3
                                && threshold.priority() == ThresholdAssessed.Priority.AMBER
                                && threshold.responseDueAt().equals(Instant.parse("2026-11-24T09:15:00Z"))),
                        andNoMore())));
    }

    @Test
    void a_later_contact_joins_the_same_stream() {
        var first = domesticAbuseNotification("NICHE-1");
        var second = domesticAbuseNotification("NICHE-2");
        Instant later = RECEIVED.plus(Duration.ofDays(2));

        fixture.given(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, first))
                .when(new RecordContact(CHILD, LATER_CONTACT, POLICE, Channel.KAFKA, later, second, List.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        equalTo(new ContactReceived(CHILD, LATER_CONTACT, POLICE, Channel.KAFKA, later, second)),
                        assessed(threshold -> true),
                        andNoMore())));
    }

    @Test
    void a_third_contact_within_twelve_months_is_assessed_with_the_accumulating_concerns_of_the_stream() {
        var earlier = concernAbout("16A");

        fixture.given(
                        new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED.minus(Duration.ofDays(200)), earlier),
                        new ContactReceived(CHILD, LATER_CONTACT, POLICE, Channel.HTTP, RECEIVED.minus(Duration.ofDays(30)), earlier))
                .when(new RecordContact(CHILD, uk.frontdoor.triage.api.value.ContactId.of("third"), POLICE, Channel.HTTP,
                        RECEIVED, concernAbout("16A"), List.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> firedIds(threshold).contains("ACCUMULATING-CONCERNS")
                                && threshold.flags().contains("ACCUMULATING_CONCERNS")),
                        andNoMore())));
    }

    @Test
    void a_first_contact_has_no_accumulating_concerns() {
        fixture.givenNoPriorActivity()
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, concernAbout("16A"), List.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> !firedIds(threshold).contains("ACCUMULATING-CONCERNS")),
                        andNoMore())));
    }

    /**
     * The referral is scored against the referral standard with the threshold, and the score is kept with the
     * standard's id and version: the example's one-line narrative is short of the 20 words the standard asks.
     */
    @Test
    void a_contact_is_scored_against_the_referral_standard_on_arrival() {
        fixture.givenNoPriorActivity()
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED,
                        domesticAbuseNotification("NICHE-1"), List.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        predicate(event -> event instanceof ThresholdAssessed assessed
                                && assessed.completeness().equals(new ThresholdAssessed.Completeness(
                                        new ThresholdAssessed.ReferralStandard("demo-council-referral-standard",
                                                "2026.1"), "POLICE", 8, 9, List.of(new ThresholdAssessed.Gap(
                                                "CONCERN_DESCRIBED",
                                                "What happened, described in the referrer's own words"))))),
                        andNoMore())));
    }

    @Test
    void recording_a_contact_the_stream_already_holds_changes_nothing() {
        var submission = domesticAbuseNotification("NICHE-1");

        fixture.given(new ContactReceived(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission))
                .when(new RecordContact(CHILD, CONTACT, POLICE, Channel.HTTP, RECEIVED, submission, List.of()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static ContactSubmission concernAbout(String factor) {
        var base = domesticAbuseNotification("NICHE-" + factor);
        return new ContactSubmission(base.submissionId(), base.referralSource(), base.referrer(), base.child(),
                base.household(), new ContactSubmission.Concerns(List.of(factor), List.of(), "Concern narrative."),
                base.awareSince(), base.consent(), false, base.actionsTaken());
    }

    private static org.hamcrest.Matcher<Object> assessed(Predicate<ThresholdAssessed.Threshold> check) {
        return predicate(event -> event instanceof ThresholdAssessed assessed && check.test(assessed.threshold()));
    }

    private static List<String> firedIds(ThresholdAssessed.Threshold threshold) {
        return threshold.rulesFired().stream().map(ThresholdAssessed.RuleFired::id).toList();
    }
}
