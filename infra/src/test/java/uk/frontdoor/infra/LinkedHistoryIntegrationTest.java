package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.child.LinkedContact;
import uk.frontdoor.triage.identity.history.LinkedHistory;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write side's record of linked histories is written in the command's own transaction: the moment
 * the link call returns, each record sees the other's contacts (no projection to wait for).
 */
class LinkedHistoryIntegrationTest extends IntegrationTestSupport {

    @Autowired
    LinkedHistory linkedHistory;

    @Test
    void once_two_records_are_linked_each_sees_the_others_contacts_at_once_and_links_are_followed_through() {
        ObjectNode first = submission();
        ((ObjectNode) first.get("concerns")).putArray("indicators").add("MISSING");
        ContactId a = ContactId.of(contactIdOf(postContact(POLICE_KEY, first)));
        ContactId b = ContactId.of(contactIdOf(postContact(POLICE_KEY, submission())));
        ContactId c = ContactId.of(contactIdOf(postContact(POLICE_KEY, submission())));
        ChildId childA = childOf(a);
        ChildId childB = childOf(b);
        ChildId childC = childOf(c);
        assertThat(linkedHistory.linkedRecords(childB)).isEmpty();

        assertThat(postJson("/api/v1/children/" + childB.value() + "/links", staff("sw1"),
                Map.of("otherChildId", childA.value(), "reason", "Same child: school confirmed")).statusCode())
                .isEqualTo(204);
        assertThat(postJson("/api/v1/children/" + childC.value() + "/links", staff("sw1"),
                Map.of("otherChildId", childB.value(), "reason", "Same child: GP confirmed")).statusCode())
                .isEqualTo(204);

        // Asked with the records each is linked to, as a contact's command asks.
        assertThat(linkedHistory.of(Set.of(childA, childC), childB)).extracting(LinkedContact::contactId)
                .containsExactlyInAnyOrder(a, c);
        // C was linked to B only; A's history reaches it through B.
        assertThat(linkedHistory.of(Set.of(childB), childC)).extracting(LinkedContact::contactId)
                .containsExactlyInAnyOrder(a, b);
        LinkedContact missingReport = linkedHistory.of(Set.of(childB), childC).stream()
                .filter(contact -> contact.contactId().equals(a)).findFirst().orElseThrow();
        assertThat(missingReport.childId()).isEqualTo(childA);
        assertThat(missingReport.indicators()).contains("MISSING");
        assertThat(missingReport.factors()).isNotEmpty();
        assertThat(linkedHistory.linkedRecords(childA)).containsExactlyInAnyOrder(childB, childC);
    }

    private ChildId childOf(ContactId contact) {
        return ChildId.of(childOf(contact.value()));
    }
}
