package uk.frontdoor.infra.partner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner check delivered over Kafka carries the child's details to the agency's system, so it is in the record of
 * views as the agency's read over the partner API is, against the whole running service and the embedded broker:
 * one view for each agency the check went to (both schools answer for education), as the agency's code with the role
 * {@code PARTNER_SYSTEM}, and none for an agency that was not asked; managers read them in the child's record of views.
 */
class PartnerCheckDeliveryViewsIntegrationTest extends PartnerCheckTestSupport {

    @Test
    void a_partner_check_delivered_over_kafka_is_recorded_as_a_view_by_each_agency_it_went_to() throws Exception {
        Asked asked = asked(List.of("EDUCATION"), "How is the child's attendance?");
        String contact = asked.contact();
        String child = asked.child();
        String check = asked.checkId(0);
        for (String agency : List.of("demo-school", "demo-academy")) {
            awaitRecord("frontdoor.replies." + agency, record -> record.key() != null && record.value() != null
                    && new String(record.key(), StandardCharsets.UTF_8).equals(check));
        }

        List<String> views = await().until(() -> jdbc.sql("""
                        SELECT viewed_by || ' ' || role || ' ' || what || ' ' || contact_id FROM record_views
                        WHERE child_id = ? AND role = 'PARTNER_SYSTEM' ORDER BY viewed_by""")
                .param(child).query(String.class).list(), found -> found.size() >= 2);
        assertThat(views).containsExactly("demo-academy PARTNER_SYSTEM partner check (Kafka) " + contact,
                "demo-school PARTNER_SYSTEM partner check (Kafka) " + contact);

        // As managers read who looked at the child's record.
        JsonNode recorded = json.readTree(get("/api/v1/children/" + child + "/views", staff("manager1")).body())
                .get("views");
        List<String> seen = new java.util.ArrayList<>();
        recorded.forEach(view -> seen.add(view.get("viewedBy").asText() + " " + view.get("role").asText() + " "
                + view.get("what").asText()));
        assertThat(seen).contains("demo-school PARTNER_SYSTEM partner check (Kafka)",
                "demo-academy PARTNER_SYSTEM partner check (Kafka)")
                .noneMatch(view -> view.startsWith("demo-police ") || view.startsWith("demo-health "));
    }
}
