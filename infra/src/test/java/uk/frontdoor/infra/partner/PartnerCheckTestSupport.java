package uk.frontdoor.infra.partner;

import com.fasterxml.jackson.databind.JsonNode;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests of what partner agencies are sent about a partner check, on the shared running service. */
public abstract class PartnerCheckTestSupport extends IntegrationTestSupport {

    /**
     * @param checks the partner checks asked, one for each agency in the order asked: {@code checkId}, {@code agency},
     *               {@code dueAt}
     */
    public record Asked(String contact, String child, JsonNode checks) {

        public String checkId(int index) {
            return checks.get(index).get("checkId").asText();
        }
    }

    /** A police contact about a child of its own, claimed by sw1, who asks these agencies this question. */
    protected Asked asked(List<String> agencies, String question) throws Exception {
        String contact = contactIdOf(postContact(POLICE_KEY, submission()));
        String child = childOf(contact);
        awaitStatus(contact, "ASSESSED");
        String path = "/api/v1/contacts/" + contact;
        assertThat(postJson(path + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        HttpResponse<String> asked = postJson(path + "/partner-checks", staff("sw1"),
                Map.of("agencies", agencies, "question", question));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        return new Asked(contact, child, json.readTree(asked.body()));
    }
}
