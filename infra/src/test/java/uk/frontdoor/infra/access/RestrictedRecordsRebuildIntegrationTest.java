package uk.frontdoor.infra.access;

import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code restricted_records} is kept with the events, not by a projection a replay resets; when it no longer says
 * what the events say, a system manager makes it again from the event store, over HTTP, and every restriction
 * holds again (and a lifted one stays lifted).
 */
class RestrictedRecordsRebuildIntegrationTest extends IntegrationTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void a_system_manager_makes_the_restricted_records_again_from_the_event_store() {
        String sealedContact = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), ChildIdentity.fresh())));
        String sealed = childOf(sealedContact);
        String liftedContact = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), ChildIdentity.fresh())));
        String lifted = childOf(liftedContact);
        String oneContact = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), ChildIdentity.fresh())));
        Map<String, Object> restrict = Map.of("category", "PREVENT", "reason", "Prevent referral from the school.",
                "staff", List.of("sw2"));
        assertThat(postJson("/api/v1/children/" + sealed + "/restriction", staff("manager1"), restrict).statusCode())
                .isEqualTo(204);
        assertThat(postJson("/api/v1/children/" + lifted + "/restriction", staff("manager1"), restrict).statusCode())
                .isEqualTo(204);
        assertThat(postJson("/api/v1/children/" + lifted + "/restriction", staff("manager1"), Map.of("category", "LADO",
                "reason", "Allegation against a teacher.", "teams", List.of("prevent"))).statusCode()).isEqualTo(204);
        assertThat(postJson("/api/v1/children/" + lifted + "/restriction/lift", staff("manager1"),
                Map.of("reason", "The allegation was unfounded.")).statusCode()).isEqualTo(204);
        // A single contact restricted to a team (sw2 is in it, sw1 is not).
        String oneContactChild = childOf(oneContact);
        assertThat(postJson("/api/v1/children/" + oneContactChild + "/restriction", staff("manager1"),
                Map.of("contactId", oneContact, "category", "STAFF_CHILD", "reason", "A colleague's child.",
                        "teams", List.of("prevent"))).statusCode()).isEqualTo(204);
        // A restricted record later erased: erasure took its rows, and a rebuild must not bring them back.
        String erased = childOf(contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), ChildIdentity.fresh()))));
        assertThat(postJson("/api/v1/children/" + erased + "/restriction", staff("manager1"), restrict).statusCode())
                .isEqualTo(204);
        assertThat(postJson("/api/v1/children/" + erased + "/erasure", staff("manager1"), Map.of("reason",
                "SUBJECT_REQUEST", "legalBasis", "NO_LONGER_NECESSARY")).statusCode()).isEqualTo(202);
        assertThat(postJson("/api/v1/children/" + erased + "/erasure/authorise", staff("manager2"), null).statusCode())
                .isEqualTo(200);
        List<Map<String, Object>> before = restrictionsOf(sealed);
        List<Map<String, Object>> oneContactBefore = restrictionsOf(oneContactChild);

        // The table loses the restriction and gains one the events never made: what guards the records is wrong.
        jdbc.sql("DELETE FROM restricted_records WHERE child_id IN (?, ?)").params(sealed, oneContactChild).update();
        jdbc.sql("""
                        INSERT INTO restricted_records (child_id, contact_id, category, reason, visible_to_staff,
                                                        visible_to_teams, restricted_by, restricted_at)
                        VALUES (?, '', 'PREVENT', 'stale', '{}', '{}', 'manager1', now())""")
                .param(lifted).update();
        assertThat(contact(sealedContact, "sw1")).doesNotContainKey("restricted");
        assertThat(contact(liftedContact, "sw1")).containsEntry("restricted", true);

        // Only system managers rebuild it (the authorisation matrix checks every other caller).
        assertThat(postJson("/api/v1/admin/restricted-records/rebuild", staff("manager1"), Map.of()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> rebuilt = postJson("/api/v1/admin/restricted-records/rebuild", staff("sysadmin1"), Map.of());

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(((Number) body(rebuilt).get("children")).intValue()).isGreaterThanOrEqualTo(3);
        assertThat(((Number) body(rebuilt).get("restrictions")).longValue()).isGreaterThanOrEqualTo(2);
        // Who reads what is what the events say again: withheld from the other worker, read by the named one.
        assertThat(contact(sealedContact, "sw1")).containsEntry("restricted", true).doesNotContainKey("threshold");
        assertThat(contact(sealedContact, "sw2")).doesNotContainKey("restricted");
        assertThat(contact(liftedContact, "sw1")).doesNotContainKey("restricted");
        assertThat(contact(oneContact, "sw1")).containsEntry("restricted", true);
        assertThat(contact(oneContact, "sw2")).doesNotContainKey("restricted");
        assertThat(restrictionsOf(sealed)).isEqualTo(before);
        assertThat(restrictionsOf(oneContactChild)).isEqualTo(oneContactBefore);
        assertThat(restrictionsOf(lifted)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM restricted_records WHERE child_id = ?").param(erased)
                .query(Long.class).single()).isZero();
    }

    private Map<String, Object> contact(String contactId, String reader) {
        return body(get("/api/v1/contacts/" + contactId, staff(reader)));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> restrictionsOf(String childId) {
        HttpResponse<String> answer = get("/api/v1/children/" + childId + "/restrictions", staff("manager1"));
        assertThat(answer.statusCode()).isEqualTo(200);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(answer.body(), List.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            throw new AssertionError(answer.body(), notJson);
        }
    }
}
