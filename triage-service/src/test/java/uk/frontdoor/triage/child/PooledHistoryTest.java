package uk.frontdoor.triage.child;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.command.RecordContact;
import uk.frontdoor.triage.api.value.Channel;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.ContactSubmission;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.POLICE;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.Examples.domesticAbuseNotification;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.withoutClocks;

/**
 * Once records are found to be one child, the rules see their combined history (issue 13): the
 * contacts on every linked record count towards accumulating concerns, re-referral and repeat missing,
 * read from the write side's table of linked histories rather than by loading the other streams.
 */
class PooledHistoryTest {

    private static final ChildId OTHER_RECORD = ChildId.of("7c1d2e3f-0000-4000-8000-000000000001");
    private static final ContactId NEW_CONTACT = ContactId.of("new-contact");

    private final List<Set<ChildId>> asked = new ArrayList<>();

    @Test
    void a_contact_on_a_linked_record_counts_the_other_records_contacts_as_accumulating_concerns() {
        LinkedContacts linked = answering(
                onOtherRecord("a", RECEIVED.minus(Duration.ofDays(200)), Set.of(), null),
                onOtherRecord("b", RECEIVED.minus(Duration.ofDays(100)), Set.of(), null));

        TriageWork.fixture(RECEIVED, linked)
                .given(linkedToOtherRecord())
                .when(contact(Set.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> fired(threshold).contains("ACCUMULATING-CONCERNS")),
                        andNoMore())));
        // Asked once, for the linked records it knows of, never for itself.
        assertThat(asked).containsExactly(Set.of(OTHER_RECORD));
    }

    @Test
    void a_record_linked_to_nothing_does_not_ask_for_linked_histories() {
        LinkedContacts linked = answering(
                onOtherRecord("a", RECEIVED.minus(Duration.ofDays(200)), Set.of(), null),
                onOtherRecord("b", RECEIVED.minus(Duration.ofDays(100)), Set.of(), null));

        TriageWork.fixture(RECEIVED, linked)
                .givenNoPriorActivity()
                .when(contact(Set.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> !fired(threshold).contains("ACCUMULATING-CONCERNS")),
                        andNoMore())));
        assertThat(asked).isEmpty();
    }

    @Test
    void a_referral_decided_on_the_linked_record_makes_this_a_re_referral() {
        LinkedContacts linked = answering(onOtherRecord("a", RECEIVED.minus(Duration.ofDays(90)), Set.of(),
                DecisionOutcome.ASSESSMENT));

        TriageWork.fixture(RECEIVED, linked)
                .given(linkedToOtherRecord())
                .when(contact(Set.of()))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> fired(threshold).contains("RE-REFERRAL")),
                        andNoMore())));
    }

    @Test
    void a_missing_report_and_its_return_on_the_linked_record_are_one_episode_not_two() {
        // Went missing and came back (one episode), then missing again now: two episodes, under the three
        // that trigger exploitation screening. Counted as reports, it would have been three.
        LinkedContacts linked = answering(
                onOtherRecord("a", RECEIVED.minus(Duration.ofDays(40)), Set.of("MISSING"), null),
                onOtherRecord("b", RECEIVED.minus(Duration.ofDays(39)), Set.of("RETURNED_FROM_MISSING"), null));

        TriageWork.fixture(RECEIVED, linked)
                .given(linkedToOtherRecord())
                .when(contact(Set.of("MISSING")))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> fired(threshold).contains("MISSING-CHILD")
                                && !fired(threshold).contains("REPEAT-MISSING")),
                        andNoMore())));
    }

    @Test
    void three_missing_episodes_across_the_linked_records_trigger_the_repeat_missing_review() {
        LinkedContacts linked = answering(
                onOtherRecord("a", RECEIVED.minus(Duration.ofDays(40)), Set.of("MISSING"), null),
                onOtherRecord("b", RECEIVED.minus(Duration.ofDays(39)), Set.of("RETURNED_FROM_MISSING"), null),
                onOtherRecord("c", RECEIVED.minus(Duration.ofDays(20)), Set.of("MISSING", "RETURNED_FROM_MISSING"), null));

        TriageWork.fixture(RECEIVED, linked)
                .given(linkedToOtherRecord())
                .when(contact(Set.of("MISSING")))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        predicate(event -> event instanceof ContactReceived),
                        assessed(threshold -> fired(threshold).contains("REPEAT-MISSING")),
                        andNoMore())));
    }

    private LinkedContacts answering(LinkedContact... contacts) {
        return (records, self) -> {
            asked.add(records);
            assertThat(self).isEqualTo(CHILD);
            return List.of(contacts);
        };
    }

    private static LinkedContact onOtherRecord(String id, Instant at, Set<String> indicators, DecisionOutcome outcome) {
        return new LinkedContact(ContactId.of(id), OTHER_RECORD, at, Set.of("16A"), indicators, outcome,
                outcome == null ? null : at.plus(Duration.ofHours(20)), false);
    }

    private static ChildRecordLinked linkedToOtherRecord() {
        return new ChildRecordLinked(CHILD, OTHER_RECORD, "Same child: school confirmed", SW1,
                RECEIVED.minus(Duration.ofDays(1)));
    }

    private static RecordContact contact(Set<String> indicators) {
        var base = domesticAbuseNotification("NICHE-NEW");
        var submission = new ContactSubmission(base.submissionId(), base.referralSource(), base.referrer(), base.child(),
                base.household(), new ContactSubmission.Concerns(List.of("16A"), List.copyOf(indicators),
                "Concern narrative."), base.awareSince(), base.consent(), false, base.actionsTaken());
        return new RecordContact(CHILD, NEW_CONTACT, POLICE, Channel.HTTP, RECEIVED, submission, List.of());
    }

    private static org.hamcrest.Matcher<Object> assessed(Predicate<ThresholdAssessed.Threshold> check) {
        return predicate(event -> event instanceof ThresholdAssessed assessed && check.test(assessed.threshold()));
    }

    private static List<String> fired(ThresholdAssessed.Threshold threshold) {
        return threshold.rulesFired().stream().map(ThresholdAssessed.RuleFired::id).toList();
    }
}
