package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner that floods the API is held to its agency's limit; the others carry on. */
class PartnerRateLimitIntegrationTest extends IntegrationTestSupport {

    @Test
    void a_partner_over_its_limit_gets_429_with_retry_after_nothing_is_stored_and_other_partners_are_unaffected() {
        // The test context holds demo-housing to 3 submissions an hour.
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accepted.add(postContact(HOUSING_KEY, fromHousing()).statusCode());
        }
        ObjectNode flood = fromHousing();
        long eventsBefore = storedEvents();

        HttpResponse<String> refused = postContact(HOUSING_KEY, flood);
        HttpResponse<String> police = postContact(POLICE_KEY, submission());

        assertThat(accepted).containsOnly(202);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(body(refused)).containsEntry("type", "/problems/too-many-requests")
                .containsEntry("status", 429)
                .containsEntry("retryAfterSeconds", (int) retryAfter);
        assertThat(contactsWithSubmissionId(flood.get("submissionId").asText())).isZero();
        assertThat(police.statusCode()).isEqualTo(202);
        assertThat(storedEvents()).isGreaterThan(eventsBefore);
        assertThat(get("/actuator/prometheus", null).body())
                .containsPattern("frontdoor_submissions_rejected_total\\{[^}]*reason=\"RATE_LIMITED\"[^}]*} [1-9]");
    }

    private ObjectNode fromHousing() {
        ObjectNode submission = submission();
        submission.put("referralSource", "4");
        return submission;
    }
}
