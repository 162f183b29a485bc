package uk.frontdoor.triage.reception;

import org.junit.jupiter.api.Test;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The children a batch's loads may take from the child cache, the only ones it checks against the store: each child a
 * decision joins, but not one a decision of the same batch started (the unit of work's own), nor any other child
 * matching found.
 */
class JoinedChildrenTest {

    @Test
    void the_children_joined_and_known_before_the_batch_are_checked_and_no_other() {
        List<ContactReception.Decided> decided = List.of(
                decision("held", false),
                decision("started", true),
                decision("by-nhs-number", false),
                decision("started", false),
                decision("held", false),
                decision("another-new", true));

        assertThat(ContactReception.joined(decided)).containsExactlyInAnyOrder("held", "by-nhs-number");
        assertThat(ContactReception.joined(List.of())).isEmpty();
        assertThat(ContactReception.joined(List.of(decision("only-new", true)))).isEmpty();
    }

    private static ContactReception.Decided decision(String child, boolean newChild) {
        return new ContactReception.Decided(null, ContactId.random(), null, ChildId.of(child), null, newChild);
    }
}
