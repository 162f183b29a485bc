package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys (issue 13), over HTTP and Kafka against the real event store: a child without an
 * NHS number referred again and again by police is recognised every time, so the accumulating concerns
 * raise the level; a child whose name is misspelt once and whose family moved is joined by a worker's
 * confirmation, after which the rules see the whole history.
 */
class OneChildOneHistoryIntegrationTest extends IntegrationTestSupport {

    @Test
    void a_child_without_an_nhs_number_referred_four_times_rises_in_level_on_the_fourth_contact() {
        ChildIdentity child = ChildIdentity.fresh();
        String first = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String second = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        // The third comes from the school over Kafka: the same matching, whichever way a contact comes in.
        ObjectNode third = aChildOfItsOwn(submission(), child);
        third.put("referralSource", "2A");
        String submissionId = third.get("submissionId").asText();
        publish("contact-submissions", "demo-school", submissionId.getBytes(StandardCharsets.UTF_8), bytes(third));
        String thirdContact = awaitContactId("demo-school", submissionId);
        String fourth = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));

        String record = childOf(first);
        assertThat(List.of(second, thirdContact, fourth)).allSatisfy(contact -> {
            assertThat(childOf(contact)).isEqualTo(record);
            JsonNode matched = event(contact, "IdentityMatched");
            assertThat(matched.get("match").get("outcome").asText()).isEqualTo("CONFIDENT");
            assertThat(matched.get("match").get("parametersVersion").asText()).isNotBlank();
            assertThat(matched.get("match").get("candidates").get(0).get("childId").asText()).isEqualTo(record);
        });
        assertThat(event(first, "IdentityMatched").get("match").get("outcome").asText()).isEqualTo("NONE");
        JsonNode firstAssessed = event(first, "ThresholdAssessed").get("threshold");
        JsonNode fourthAssessed = event(fourth, "ThresholdAssessed").get("threshold");
        assertThat(fourthAssessed.get("rulesFired").findValuesAsText("id")).contains("ACCUMULATING-CONCERNS");
        assertThat(fourthAssessed.get("level").asInt()).isGreaterThan(firstAssessed.get("level").asInt());
    }

    @Test
    void a_misspelt_name_and_a_move_are_joined_by_a_workers_confirmation_and_the_rules_then_see_the_whole_history() {
        ChildIdentity child = ChildIdentity.fresh();
        String first = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String second = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));
        String known = childOf(first);
        assertThat(childOf(second)).isEqualTo(known);

        // The family has moved, this referrer misspells the child's name and does not know the household.
        String misspelt = child.givenName().substring(0, 3) + child.givenName().charAt(4)
                + child.givenName().charAt(3) + child.givenName().substring(5);
        ObjectNode moved = aChildOfItsOwn(submission(), child.withGivenName(misspelt)
                .movedTo("7 Other Lane", "SL9 9ZZ"));
        moved.putArray("household");
        HttpResponse<String> posted = postContact(SCHOOL_KEY, sentBy(SCHOOL_KEY, moved));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String third = contactIdOf(posted);
        JsonNode matched = event(third, "IdentityMatched").get("match");
        assertThat(matched.get("outcome").asText()).as(matched.toString()).isEqualTo("POSSIBLE");
        String newRecord = childOf(third);
        assertThat(newRecord).isNotEqualTo(known);
        assertThat(event(third, "ThresholdAssessed").get("threshold").get("rulesFired").findValuesAsText("id"))
                .doesNotContain("ACCUMULATING-CONCERNS");

        HttpResponse<String> confirmed = postJson("/api/v1/contacts/" + third + "/identity/resolve", staff("sw1"),
                Map.of("candidateChildId", known, "sameChild", true,
                        "reason", "School confirmed the new address; the name was misspelt on the referral"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);

        JsonNode reassessed = event(third, "ThresholdReassessed");
        assertThat(reassessed.get("cause").asText()).isEqualTo("RECORDS_LINKED");
        assertThat(reassessed.get("threshold").get("rulesFired").findValuesAsText("id"))
                .contains("ACCUMULATING-CONCERNS");
        assertThat(reassessed.get("threshold").get("level").asInt())
                .isGreaterThan(reassessed.get("previousLevel").asInt());
    }

    @Test
    void a_contact_matching_two_records_already_linked_as_one_child_joins_the_earliest_instead_of_going_to_a_person() {
        ChildIdentity child = ChildIdentity.fresh();
        // Two records of one child: the health visitor's contact and a later one under a temporary NHS number.
        ObjectNode withOneNumber = aChildOfItsOwn(submission(), child);
        ((ObjectNode) withOneNumber.get("child")).put("nhsNumber", freshNhsNumber());
        String first = contactIdOf(postContact(POLICE_KEY, withOneNumber));
        ObjectNode withAnother = aChildOfItsOwn(submission(), child);
        ((ObjectNode) withAnother.get("child")).put("nhsNumber", freshNhsNumber());
        String second = contactIdOf(postContact(POLICE_KEY, withAnother));
        String earliest = childOf(first);
        String later = childOf(second);
        assertThat(later).isNotEqualTo(earliest);
        HttpResponse<String> linked = postJson("/api/v1/children/" + later + "/links", staff("sw1"),
                Map.of("otherChildId", earliest, "reason", "Same child: the GP merged the two NHS numbers"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(204);

        // The police, without an NHS number: both records look certain, and they are one child.
        String third = contactIdOf(postContact(POLICE_KEY, aChildOfItsOwn(submission(), child)));

        assertThat(childOf(third)).isEqualTo(earliest);
        JsonNode matched = event(third, "IdentityMatched").get("match");
        assertThat(matched.get("outcome").asText()).as(matched.toString()).isEqualTo("CONFIDENT");
        assertThat(matched.get("candidates").findValuesAsText("childId")).containsExactly(earliest, later);
        assertThat(matched.get("candidates").get(1).get("score").asDouble())
                .isGreaterThanOrEqualTo(matched.get("confidentThreshold").asDouble());
        // The prior it started from, for the children known then, is recorded with the decision.
        // (counted at most every ten minutes, so possibly before this test's records were known)
        assertThat(matched.get("knownChildren").isIntegralNumber()).as(matched.toString()).isTrue();
        assertThat(matched.get("prior").asDouble()).isPositive().isLessThanOrEqualTo(1e-5);
    }


    private JsonNode event(String contactId, String type) {
        String payload = jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domainevententry
                        WHERE payloadtype = ? AND convert_from(payload, 'UTF8')::jsonb ->> 'contactId' = ?
                        ORDER BY globalindex DESC LIMIT 1""")
                .params("uk.frontdoor.triage.api." + type, contactId)
                .query(String.class).single();
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
