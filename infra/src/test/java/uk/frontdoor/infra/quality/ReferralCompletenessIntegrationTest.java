package uk.frontdoor.infra.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each referral is scored on arrival against the council's referral standard (the shipped demo standard): staff
 * read the score, the standard's version and the gaps with the contact over the API; the referrer does not.
 */
class ReferralCompletenessIntegrationTest extends IntegrationTestSupport {

    @Test
    @SuppressWarnings("unchecked")
    void staff_read_what_a_referral_lacked_against_the_standard_in_force() {
        ObjectNode submission = submission();
        submission.remove("actionsTaken");
        ((ObjectNode) submission.get("referrer")).remove("phone");
        ((ObjectNode) submission.get("referrer")).remove("email");
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));

        Map<String, Object> staffView = await().until(() -> body(get("/api/v1/contacts/" + contactId, staff("sw1"))),
                view -> "ASSESSED".equals(view.get("status")));

        Map<String, Object> completeness = (Map<String, Object>) ((Map<String, Object>) staffView.get("work"))
                .get("completeness");
        assertThat((Map<String, Object>) completeness.get("standard"))
                .containsEntry("id", "demo-council-referral-standard").containsEntry("version", "2026.1");
        // The police list has nine elements; the example's narrative is short of 20 words, gives no indicators,
        // and this one has no actions and no way to reach the officer.
        assertThat(completeness).containsEntry("agencyType", "POLICE").containsEntry("of", 9).containsEntry("met", 5);
        assertThat((List<Map<String, String>>) completeness.get("gaps"))
                .extracting(gap -> gap.get("element"))
                .containsExactly("CONCERN_DESCRIBED", "RISK_INDICATORS", "ACTIONS_TAKEN", "REFERRER_CONTACT");
        assertThat((List<Map<String, String>>) completeness.get("gaps"))
                .allSatisfy(gap -> assertThat(gap.get("description")).isNotBlank());

        Map<String, Object> partnerView = body(get("/api/v1/contacts/" + contactId, bearer(POLICE_KEY)));
        assertThat(partnerView).containsEntry("status", "ASSESSED").doesNotContainKeys("work", "threshold");
    }
}
