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

    /**
     * The agency's own monthly figures gain completeness, outcomes and the commonest gaps; managers read every
     * agency side by side from the same figures.
     */
    @Test
    @SuppressWarnings("unchecked")
    void each_agency_reads_its_completeness_and_gaps_and_managers_read_every_agency_side_by_side() {
        ObjectNode submission = sentBy(SCHOOL_KEY, submission());
        submission.remove("actionsTaken");
        String contactId = contactIdOf(postContact(SCHOOL_KEY, submission));
        await().until(() -> body(get("/api/v1/contacts/" + contactId, staff("sw1"))),
                view -> "ASSESSED".equals(view.get("status")));

        Map<String, Object> own = await().until(() -> body(get("/api/v1/partner/referral-quality", bearer(SCHOOL_KEY))),
                figures -> ((List<Map<String, Object>>) figures.get("commonGaps")).stream()
                        .anyMatch(gap -> "ACTIONS_TAKEN".equals(gap.get("element"))));
        assertThat(own).containsEntry("agency", "demo-school");
        List<Map<String, Object>> months = (List<Map<String, Object>>) own.get("months");
        Map<String, Object> thisMonth = months.get(months.size() - 1);
        Map<String, Object> completeness = (Map<String, Object>) thisMonth.get("completeness");
        assertThat(((Number) completeness.get("scored")).longValue()).isPositive();
        assertThat(completeness).containsKeys("averagePercent", "complete");
        assertThat((Map<String, Object>) thisMonth.get("outcomes"))
                .containsKeys("noFurtherAction", "informationAndAdvice", "earlyHelp");
        Map<String, Object> actions = ((List<Map<String, Object>>) own.get("commonGaps")).stream()
                .filter(gap -> "ACTIONS_TAKEN".equals(gap.get("element"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) actions.get("lacking")).containsKeys("count", "of", "percent");

        Map<String, Object> scorecard = body(get("/api/v1/referral-quality", staff("manager1")));
        List<Map<String, Object>> agencies = (List<Map<String, Object>>) scorecard.get("agencies");
        assertThat(agencies).extracting(agency -> agency.get("agency")).contains("demo-school");
        Map<String, Object> school = agencies.stream().filter(agency -> "demo-school".equals(agency.get("agency")))
                .findFirst().orElseThrow();
        assertThat(school).containsEntry("kind", "EDUCATION").containsKeys("completeness", "outcomes",
                "neededFollowUp", "becameReferrals", "reReferrals");
        assertThat((List<Map<String, Object>>) school.get("commonGaps")).isNotEmpty();

        var badMonth = get("/api/v1/referral-quality?from=2026-13", staff("manager1"));
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(body(badMonth).get("errors").toString()).contains("from");
        assertThat(get("/api/v1/referral-quality", bearer(SCHOOL_KEY)).statusCode()).isEqualTo(403);
    }
}
