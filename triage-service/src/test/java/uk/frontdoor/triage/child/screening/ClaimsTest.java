package uk.frontdoor.triage.child.screening;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.ContactReleased;
import uk.frontdoor.triage.api.command.ClaimContact;
import uk.frontdoor.triage.api.command.ReleaseContact;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.TriageWork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.frontdoor.triage.Examples.CHILD;
import static uk.frontdoor.triage.Examples.CONTACT;
import static uk.frontdoor.triage.child.TriageWork.fold;
import static uk.frontdoor.triage.child.TriageWork.MANAGER1;
import static uk.frontdoor.triage.child.TriageWork.NOW;
import static uk.frontdoor.triage.child.TriageWork.SW1;
import static uk.frontdoor.triage.child.TriageWork.SW2;

/** The claim rules, decided without the aggregate: a command and a state in, events or a refusal out. */
class ClaimsTest {

    private final ChildState heldBySw1 = fold(TriageWork.received(), TriageWork.assessed(), TriageWork.claimed(SW1));

    @Test
    void a_repeated_claim_by_the_holder_decides_nothing() {
        assertThat(Claims.decide(new ClaimContact(CHILD, CONTACT, SW1), heldBySw1, NOW)).isEmpty();
    }

    @Test
    void a_claim_on_a_held_contact_names_its_holder() {
        var refused = catchThrowableOfType(() -> Claims.decide(new ClaimContact(CHILD, CONTACT, SW2), heldBySw1, NOW),
                TriageRefusedException.class);

        assertThat(refused.refusal()).isEqualTo(Refusal.CLAIMED_BY_ANOTHER);
        assertThat(refused.getMessage()).isEqualTo("Held by sw1.");
    }

    @Test
    void a_manager_takes_back_a_contact_another_worker_holds() {
        assertThat(Claims.decide(new ReleaseContact(CHILD, CONTACT, MANAGER1), heldBySw1, NOW))
                .containsExactly(new ContactReleased(CHILD, CONTACT, SW1.userId(), MANAGER1, NOW));
    }

    @Test
    void another_worker_does_not_release_a_contact_they_do_not_hold() {
        var refused = catchThrowableOfType(() -> Claims.decide(new ReleaseContact(CHILD, CONTACT, SW2), heldBySw1,
                NOW), TriageRefusedException.class);

        assertThat(refused.refusal()).isEqualTo(Refusal.CLAIMED_BY_ANOTHER);
    }
}
