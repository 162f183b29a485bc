package uk.frontdoor.triage.child;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ChildRecordUnlinked;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdReassessed;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.command.UnlinkChildRecords;
import uk.frontdoor.triage.child.identity.Identity;
import uk.frontdoor.triage.child.identity.LinkRecord;
import uk.frontdoor.triage.child.identity.UnlinkRecord;
import uk.frontdoor.triage.child.reception.Reassessment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import org.axonframework.test.matchers.Matchers;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.predicate;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.Examples.RECEIVED;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.assessed;
import static uk.frontdoor.triage.child.TriageWork.authorised;
import static uk.frontdoor.triage.child.TriageWork.received;
import static uk.frontdoor.triage.child.TriageWork.refused;
import static uk.frontdoor.triage.child.TriageWork.withoutClocks;

/**
 * Confirming that two records are one child assesses the open contacts again with the pooled history,
 * and undoing a wrong link assesses them again without it (issue 13). Each is an event that says what
 * the assessment was before, why it moved, and which record's link caused it.
 */
class RelinkingTest {

    private static final ChildId OTHER = ChildId.of("7c1d2e3f-0000-4000-8000-000000000001");

    /** Two earlier contacts on the other record: with the new one, three in twelve months. */
    private static final LinkedContacts OTHER_RECORDS_CONTACTS = (records, self) -> records.contains(OTHER)
            ? List.of(onOther("a", 200), onOther("b", 100)) : List.of();

    @Test
    void linking_assesses_the_open_contact_again_with_the_other_records_history() {
        ThresholdAssessed before = assessed();

        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS)
                .given(received(), before)
                .when(new LinkRecord(CHILD, OTHER, "Same school and GP.", SW1, NOW, false))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        Matchers.<Object>equalTo(new ChildRecordLinked(CHILD, OTHER, "Same school and GP.", SW1, NOW)),
                        predicate(event -> event instanceof ThresholdReassessed reassessed
                                && reassessed.contactId().equals(CONTACT)
                                && reassessed.cause() == ThresholdReassessed.Cause.RECORDS_LINKED
                                && reassessed.otherRecord().equals(OTHER)
                                && reassessed.previousLevel() == before.threshold().level()
                                && reassessed.previousPriority() == before.threshold().priority()
                                && fired(reassessed).contains("ACCUMULATING-CONCERNS")
                                && reassessed.threshold().ruleSet().version() != null
                                // never brought earlier than they already were
                                && !reassessed.threshold().responseDueAt().isBefore(before.threshold().responseDueAt())
                                && !reassessed.threshold().decisionDueAt().isBefore(before.threshold().decisionDueAt())),
                        andNoMore())));
    }

    @Test
    void unlinking_assesses_the_open_contact_again_without_the_other_records_history() {
        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS)
                .given(received(), assessed(), new ChildRecordLinked(CHILD, OTHER, "Same school.", SW1, NOW))
                .when(new UnlinkRecord(CHILD, OTHER, "Different dates of birth on the GP record.", SW1, NOW))
                .expectEventsMatching(withoutClocks(exactSequenceOf(
                        Matchers.<Object>equalTo(new ChildRecordUnlinked(CHILD, OTHER, "Different dates of birth on the GP record.",
                                SW1, NOW)),
                        predicate(event -> event instanceof ThresholdReassessed reassessed
                                && reassessed.cause() == ThresholdReassessed.Cause.RECORDS_UNLINKED
                                && !fired(reassessed).contains("ACCUMULATING-CONCERNS")),
                        andNoMore())));
    }

    @Test
    void a_link_and_its_undoing_leave_the_level_where_it_was() {
        List<ChildEvent> linked = decided(TriageWork.fold(received(), assessed()), true);
        List<ChildEvent> unlinked = decided(TriageWork.fold(received(), assessed(), linked.get(0), linked.get(1)), false);

        ThresholdReassessed raised = (ThresholdReassessed) linked.get(1);
        ThresholdReassessed restored = (ThresholdReassessed) unlinked.get(1);
        assertThat(raised.threshold().level()).isGreaterThan(restored.threshold().level());
        assertThat(restored.previousLevel()).isEqualTo(raised.threshold().level());
    }

    @Test
    void a_decided_contact_is_not_assessed_again() {
        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS)
                .given(received(), assessed(), authorised(DecisionOutcome.EARLY_HELP))
                .when(new LinkRecord(CHILD, OTHER, "Same school and GP.", SW1, NOW, false))
                .expectEvents(new ChildRecordLinked(CHILD, OTHER, "Same school and GP.", SW1, NOW));
    }

    @Test
    void records_that_are_not_linked_cannot_be_unlinked() {
        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS)
                .given(received(), assessed())
                .when(new UnlinkRecord(CHILD, OTHER, "Wrong.", SW1, NOW))
                .expectException(refused(Refusal.NOT_LINKED));
    }

    @Test
    void undoing_a_link_needs_a_screener_a_reason_and_another_record() {
        var given = new Object[]{received(), assessed(), new ChildRecordLinked(CHILD, OTHER, "Same.", SW1, NOW)};
        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS).given(given)
                .when(new UnlinkRecord(CHILD, OTHER, "Wrong.", ADMIN, NOW))
                .expectException(refused(Refusal.ROLE_NOT_ALLOWED));
        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS).given(given)
                .when(new UnlinkRecord(CHILD, OTHER, " ", SW1, NOW))
                .expectException(refused(Refusal.REASON_REQUIRED));
        TriageWork.fixture(NOW, OTHER_RECORDS_CONTACTS).given(given)
                .when(new UnlinkRecord(CHILD, CHILD, "Itself.", SW1, NOW))
                .expectException(refused(Refusal.SAME_CHILD));
        TriageWork.assertMalformed(Refusal.REASON_REQUIRED,
                () -> new UnlinkChildRecords(CHILD, OTHER, "", SW1));
    }

    private static List<ChildEvent> decided(ChildState state, boolean link) {
        Identity.Reassess reassess = (child, records, at, cause, other) -> Reassessment.ofOpenContacts(child,
                OTHER_RECORDS_CONTACTS.of(records, CHILD), TriageWork.RULES, at, cause, other);
        return link
                ? Identity.decide(new LinkRecord(CHILD, OTHER, "Same.", SW1, NOW, false), state, reassess)
                : Identity.decide(new UnlinkRecord(CHILD, OTHER, "Wrong.", SW1, NOW), state, reassess);
    }

    private static LinkedContact onOther(String id, int daysBefore) {
        Instant at = RECEIVED.minus(Duration.ofDays(daysBefore));
        return new LinkedContact(ContactId.of(id), OTHER, at, Set.of("16A"), Set.of(), null, null, false);
    }

    private static List<String> fired(ThresholdReassessed reassessed) {
        return reassessed.threshold().rulesFired().stream().map(ThresholdAssessed.RuleFired::id).toList();
    }
}
