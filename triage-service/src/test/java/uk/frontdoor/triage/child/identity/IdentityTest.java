package uk.frontdoor.triage.child.identity;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.TriageWork;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.child.TriageWork.fold;
import static uk.frontdoor.triage.child.TriageWork.ADMIN;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;

/**
 * Linking one side of a pair of records. The aggregate fixture holds one stream, so the rules of a
 * link already made are tested here, on the decision alone.
 */
class IdentityTest {

    private static final ChildId OTHER = ChildId.of("7c1d2e3f-0000-4000-8000-000000000001");
    /** For the rules of the link itself: no open contact is assessed again. */
    private static final Identity.Reassess NO_REASSESSMENT = (child, records, at, cause, other) -> List.of();

    private final ChildState unlinked = fold(TriageWork.received(), TriageWork.assessed());
    private final ChildState linked = fold(TriageWork.received(), TriageWork.assessed(),
            new ChildRecordLinked(CHILD, OTHER, "Same NHS number on the GP record.", SW1, NOW));

    @Test
    void a_link_records_the_other_child_with_who_linked_them_and_why() {
        assertThat(Identity.decide(new LinkRecord(CHILD, OTHER, "Same GP record.", SW1, NOW, false), unlinked, NO_REASSESSMENT))
                .containsExactly(new ChildRecordLinked(CHILD, OTHER, "Same GP record.", SW1, NOW));
    }

    @Test
    void records_linked_by_hand_are_not_linked_twice() {
        var refused = catchThrowableOfType(() -> Identity.decide(
                new LinkRecord(CHILD, OTHER, "Again.", SW1, NOW, false), linked, NO_REASSESSMENT), TriageRefusedException.class);

        assertThat(refused.refusal()).isEqualTo(Refusal.ALREADY_LINKED);
    }

    @Test
    void a_confirmed_match_of_records_already_linked_leaves_the_link_as_it_is() {
        assertThat(Identity.decide(new LinkRecord(CHILD, OTHER, "Confirmed.", SW1, NOW, true), linked, NO_REASSESSMENT)).isEmpty();
    }

    @Test
    void a_link_needs_a_screener_and_a_reason() {
        assertThat(catchThrowableOfType(() -> Identity.decide(new LinkRecord(CHILD, OTHER, "Same.", ADMIN, NOW,
                false), unlinked, NO_REASSESSMENT), TriageRefusedException.class).refusal()).isEqualTo(Refusal.ROLE_NOT_ALLOWED);
        assertThat(catchThrowableOfType(() -> Identity.decide(new LinkRecord(CHILD, OTHER, " ", SW1, NOW, false),
                unlinked, NO_REASSESSMENT), TriageRefusedException.class).refusal()).isEqualTo(Refusal.REASON_REQUIRED);
    }
}
