package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a child over HTTP against the real embedded servers: police contacts without NHS numbers, a
 * search by the right spelling, the audit of every child listed, who may search, and the searches refused.
 */
class ChildSearchIntegrationTest extends IntegrationTestSupport {

    /** A family name no other test uses, of letters only, and a date of birth in the child's school years. */
    private record Child(String familyName, LocalDate dateOfBirth, String postcode) {

        static Child fresh() {
            String letters = UUID.randomUUID().toString().replaceAll("[^a-z]", "");
            while (letters.length() < 5) {
                letters += "qz";
            }
            LocalDate born = LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(2500));
            return new Child("Fairweather" + letters.substring(0, 5), born,
                    "SL" + ThreadLocalRandom.current().nextInt(1, 9) + " " + ThreadLocalRandom.current().nextInt(1, 9) + "QX");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_child_police_misspelt_is_found_first_by_the_right_name_and_date_of_birth_and_every_child_listed_is_recorded() {
        Child olivia = Child.fresh();
        // Police spell her family name with two letters swapped ("Fiarweather...").
        String misspelt = olivia.familyName().charAt(0) + "" + olivia.familyName().charAt(2)
                + olivia.familyName().charAt(1) + olivia.familyName().substring(3);
        String target = policeContactWithoutNhsNumber("Olivia", misspelt, olivia.dateOfBirth(), olivia.postcode());
        // Her brother, spelt right, born two years before: the same family name, not the child searched for.
        String brother = policeContactWithoutNhsNumber("Oliver", olivia.familyName(),
                olivia.dateOfBirth().minusYears(2).minusDays(40), olivia.postcode());
        assertThat(brother).isNotEqualTo(target);

        Map<String, String> search = Map.of("givenName", "Olivia", "familyName", olivia.familyName(),
                "dateOfBirth", olivia.dateOfBirth().toString());
        long lastViewBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM record_views").query(Long.class).single();
        HttpResponse<String> response = search(search, staff("sw2"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Map<String, Object>> children = (List<Map<String, Object>>) body(response).get("children");
        assertThat(children).isNotEmpty();
        Map<String, Object> first = children.get(0);
        assertThat(first).containsEntry("childId", target)
                .containsEntry("givenNames", List.of("Olivia"))
                .containsEntry("familyNames", List.of(misspelt))
                .containsEntry("dateOfBirth", olivia.dateOfBirth().toString())
                .containsEntry("sex", "MALE")
                .containsEntry("postcodes", List.of(olivia.postcode()))
                .containsEntry("chronology", "/api/v1/children/" + target + "/chronology")
                // Police gave none: not shown, rather than shown empty.
                .doesNotContainKey("nhsNumber");
        assertThat(((List<Map<String, Object>>) first.get("agreed"))).extracting(f -> f.get("field"))
                .contains("given_name", "family_name", "date_of_birth");
        assertThat(((List<Map<String, Object>>) first.get("agreed"))).extracting(f -> (String) f.get("description"))
                .anySatisfy(description -> assertThat(description).startsWith("family name: ")
                        .doesNotContain("the same"));
        assertThat(((Number) first.get("score")).doubleValue()).isGreaterThan(0);
        assertThat(body(response)).containsKey("parametersVersion");
        // Scores fall down the list.
        List<Double> scores = children.stream().map(c -> ((Number) c.get("score")).doubleValue()).toList();
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        // Every child listed, and only those, is recorded once as viewed by sw2 for the search, before the answer.
        List<String> listed = children.stream().map(c -> (String) c.get("childId")).toList();
        List<Map<String, Object>> recorded = jdbc.sql("""
                        SELECT child_id, viewed_by, role, what FROM record_views WHERE id > ? AND viewed_by = 'sw2'""")
                .param(lastViewBefore).query().listOfRows();
        assertThat(recorded).extracting(row -> row.get("child_id")).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(recorded).allSatisfy(row -> assertThat(row)
                .containsEntry("role", "SOCIAL_WORKER").containsEntry("what", "search"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void any_one_detail_finds_the_child_and_administrators_search_too() {
        Child amara = Child.fresh();
        String target = policeContactWithoutNhsNumber("Amara", amara.familyName(), amara.dateOfBirth(),
                amara.postcode());

        for (Map<String, String> search : List.of(
                Map.of("familyName", amara.familyName()),
                Map.of("givenName", "Amara", "postcode", amara.postcode().toLowerCase().replace(" ", "")),
                Map.of("postcode", amara.postcode()),
                Map.of("dateOfBirth", amara.dateOfBirth().toString()))) {
            HttpResponse<String> response = search(search, staff("admin1"));
            assertThat(response.statusCode()).as(search + " " + response.body()).isEqualTo(200);
            assertThat((List<Map<String, Object>>) body(response).get("children")).as(search.keySet().toString())
                    .extracting(c -> c.get("childId")).contains(target);
        }
        assertThat(search(Map.of("familyName", amara.familyName()), staff("manager1")).statusCode()).isEqualTo(200);
    }

    @Test
    void partners_and_system_managers_never_search() {
        Map<String, String> search = Map.of("familyName", "Example");
        HttpResponse<String> partner = search(search, bearer(POLICE_KEY));
        assertThat(partner.statusCode()).isEqualTo(403);
        assertThat(partner.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(search(search, staff("sysadmin1")).statusCode()).isEqualTo(403);
        assertThat(search(search, null).statusCode()).isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void searches_that_say_too_little_or_are_malformed_get_a_problem_naming_the_parameter() {
        Map<Map<String, String>, String> refused = new LinkedHashMap<>();
        refused.put(Map.of(), "givenName");
        refused.put(Map.of("givenName", "  "), "givenName");
        refused.put(Map.of("givenName", "A"), "givenName");
        refused.put(Map.of("familyName", "O'"), "familyName");
        refused.put(Map.of("familyName", "Smith", "givenName", "J"), "givenName");
        refused.put(Map.of("familyName", "Smith", "dateOfBirth", "2017-13-01"), "dateOfBirth");
        refused.put(Map.of("familyName", "Smith", "dateOfBirth", "7/3/2017"), "dateOfBirth");
        refused.put(Map.of("nhsNumber", "1234567890"), "nhsNumber");
        refused.put(Map.of("nhsNumber", "94347659"), "nhsNumber");
        refused.put(Map.of("postcode", "Slough"), "postcode");

        refused.forEach((search, parameter) -> {
            HttpResponse<String> response = search(search, staff("sw1"));
            assertThat(response.statusCode()).as(search.toString()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            Map<String, Object> problem = body(response);
            assertThat(problem).containsEntry("type", "/problems/invalid-search").containsEntry("status", 400);
            List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
            assertThat(errors).as(search.toString()).extracting(e -> e.get("field")).containsExactly(parameter);
            // What was typed is never repeated back.
            search.values().stream().filter(value -> value.strip().length() > 1).forEach(value ->
                    assertThat(response.body()).doesNotContain(value));
        });
        HttpResponse<String> nothing = search(Map.of(), staff("sw1"));
        assertThat((String) body(nothing).get("detail"))
                .contains("givenName", "familyName", "dateOfBirth", "nhsNumber", "postcode");
        assertThat((String) body(search(Map.of("givenName", "A"), staff("sw1"))).get("detail"))
                .contains("at least 2 letters");
    }

    private HttpResponse<String> search(Map<String, String> parameters, String authorization) {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return get("/api/v1/children" + (query.isEmpty() ? "" : "?" + query), authorization);
    }
}
