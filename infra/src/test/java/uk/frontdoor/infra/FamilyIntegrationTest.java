package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The family around a child, over HTTP against the real embedded servers: police contacts about a
 * mother's two children at one address (one contact naming the other child as a sibling), and about
 * an unrelated child at another address.
 */
class FamilyIntegrationTest extends IntegrationTestSupport {

    private static final String PROCESSOR = "family";

    @Autowired
    private Configuration axon;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private TransactionManager transactions;

    /** One household: names and an address no other test uses. */
    private record Household(String familyName, String line1, String postcode) {

        static Household fresh() {
            String letters = randomLetters(10);
            return new Household("Fam" + letters, ThreadLocalRandom.current().nextInt(1, 999) + " " + letters + " Road",
                    "SL2 " + ThreadLocalRandom.current().nextInt(1, 9) + "ZZ");
        }
    }

    private record Contact(String contactId, String childId) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_named_sibling_at_the_same_address_is_listed_with_open_contacts_and_highest_level_and_no_one_else() {
        Household home = Household.fresh();
        Household elsewhere = Household.fresh();
        String annNhs = freshNhsNumber();
        String benNhs = freshNhsNumber();
        Map<String, String> mother = person("Morgan", home.familyName(), "MOTHER", "1988-06-01");

        // Police contact 1: Ann, naming Ben as her brother, and their mother.
        Contact ann = contact(child("Ann", home.familyName(), "2015-03-01", annNhs, home),
                List.of(mother, person("Ben", home.familyName(), "SIBLING", "2017-09-09")));
        // Police contacts 2 and 3: Ben, at the same address with the same mother; the first is then decided.
        Contact benFirst = contact(child("Ben", home.familyName(), "2017-09-09", benNhs, home), List.of(mother));
        Contact benOpen = contact(child("Ben", home.familyName(), "2017-09-09", benNhs, home), List.of(mother));
        assertThat(benOpen.childId()).isEqualTo(benFirst.childId());
        // An unrelated child at another address with another mother.
        Contact cal = contact(child("Cal", elsewhere.familyName(), "2016-01-01", freshNhsNumber(), elsewhere),
                List.of(person("Robin", elsewhere.familyName(), "MOTHER", "1985-02-02")));
        decide(benFirst.contactId());
        assertThat(postJson("/api/v1/contacts/" + benOpen.contactId() + "/claim", staff("sw1"), null).statusCode())
                .isEqualTo(204);
        assertThat(postJson("/api/v1/contacts/" + benOpen.contactId() + "/priority", staff("sw1"),
                Map.of("priority", "RED", "rationale", "Sibling's contact raises the risk.")).statusCode())
                .isEqualTo(204);
        int benOpenLevel = (Integer) ((Map<String, Object>) body(get("/api/v1/contacts/" + benOpen.contactId(),
                staff("sw1"))).get("threshold")).get("level");
        awaitUpToDate(PROCESSOR);

        Map<String, Object> family = family(ann.childId(), "sw1");

        assertThat(family).containsEntry("childId", ann.childId()).containsEntry("truncated", false);
        assertThat((List<String>) family.get("linkedChildren")).isEmpty();
        List<Map<String, Object>> members = (List<Map<String, Object>>) family.get("members");
        assertThat(members).extracting(m -> m.get("childId")).containsExactly(benFirst.childId())
                .doesNotContain(cal.childId());
        Map<String, Object> ben = members.get(0);
        assertThat(ben).containsEntry("relationship", "SIBLING")
                .containsEntry("displayName", "Ben " + home.familyName())
                .containsEntry("dateOfBirth", "2017-09-09")
                .containsEntry("openContacts", 1)
                .containsEntry("highestOpenLevel", benOpenLevel)
                .containsEntry("mostUrgentOpenPriority", "RED");
        assertThat((List<String>) ben.get("grounds"))
                .containsExactlyInAnyOrder("NAMED_SIBLING", "SAME_ADDRESS", "SAME_PARENT");
        // Ann's one contact and Ben's two, all this month: "the third contact this month" and more.
        assertThat(((Number) family.get("householdContactsInWindow")).longValue()).isEqualTo(3);
        // The sibling relationship holds both ways: Ben's contacts never named Ann, Ann's named him.
        List<Map<String, Object>> ofBen = (List<Map<String, Object>>) family(ben.get("childId").toString(), "manager1")
                .get("members");
        assertThat(ofBen).extracting(m -> m.get("childId") + " " + m.get("relationship"))
                .containsExactly(ann.childId() + " SIBLING");
        // Cal's family is Cal alone.
        Map<String, Object> ofCal = family(cal.childId(), "sw1");
        assertThat((List<?>) ofCal.get("members")).isEmpty();
        assertThat(((Number) ofCal.get("householdContactsInWindow")).longValue()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_record_linked_as_the_same_child_is_that_child_not_a_sibling() {
        Household home = Household.fresh();
        Map<String, String> mother = person("Morgan", home.familyName(), "MOTHER", "1988-06-01");
        Contact ann = contact(child("Ann", home.familyName(), "2015-03-01", freshNhsNumber(), home),
                List.of(mother, person("Ben", home.familyName(), "SIBLING", "2017-09-09")));
        Contact ben = contact(child("Ben", home.familyName(), "2017-09-09", freshNhsNumber(), home), List.of(mother));
        // Ann again, under another NHS number: a second record at the same address with the same mother.
        Contact annAgain = contact(child("Ann", home.familyName(), "2015-03-01", freshNhsNumber(), home),
                List.of(mother));
        assertThat(annAgain.childId()).isNotEqualTo(ann.childId());
        assertThat(postJson("/api/v1/children/" + annAgain.childId() + "/links", staff("sw1"),
                Map.of("otherChildId", ann.childId(), "reason", "Same child: GP confirmed")).statusCode())
                .isEqualTo(204);
        awaitUpToDate(PROCESSOR);

        Map<String, Object> family = family(ann.childId(), "sw1");

        assertThat((List<String>) family.get("linkedChildren")).containsExactly(annAgain.childId());
        assertThat((List<Map<String, Object>>) family.get("members")).extracting(m -> m.get("childId"))
                .containsExactly(ben.childId());
        // Seen from Ben, Ann's two records are one sister, counted together.
        List<Map<String, Object>> ofBen = (List<Map<String, Object>>) family(ben.childId(), "sw1").get("members");
        assertThat(ofBen).hasSize(1);
        Map<String, Object> sister = ofBen.get(0);
        assertThat(sister).containsEntry("relationship", "SIBLING").containsEntry("openContacts", 2);
        assertThat(List.of(sister.get("childId"), ((List<String>) sister.get("linkedChildren")).get(0)))
                .containsExactlyInAnyOrder(ann.childId(), annAgain.childId());
    }

    /**
     * A hostel: an address given for very many records makes no household of them (the limit,
     * {@code frontdoor.family.max-records-per-address}, is 20 by default); a sibling named there is still one.
     */
    @Test
    @SuppressWarnings("unchecked")
    void an_address_given_for_more_than_twenty_records_makes_no_household_but_a_named_sibling_stays() {
        Household hostel = Household.fresh();
        Contact ann = contact(child("Ann", hostel.familyName(), "2015-03-01", freshNhsNumber(), hostel),
                List.of(person("Ben", hostel.familyName(), "SIBLING", "2017-09-09")));
        Contact ben = contact(child("Ben", hostel.familyName(), "2017-09-09", freshNhsNumber(), hostel), List.of());
        // Eighteen unrelated children at the hostel: twenty records share the address, still a household.
        List<String> residents = new java.util.ArrayList<>();
        for (int i = 0; i < 18; i++) {
            residents.add(contact(child(uniqueName("Res"), uniqueName("Fam"), "2012-01-" + String.format("%02d", i + 1),
                    freshNhsNumber(), hostel), List.of()).childId());
        }
        awaitUpToDate(PROCESSOR);
        Map<String, Object> atTwenty = family(ann.childId(), "sw1");
        assertThat((List<Map<String, Object>>) atTwenty.get("members")).extracting(m -> m.get("childId"))
                .containsAll(residents).contains(ben.childId()).hasSize(19);
        assertThat(((Number) atTwenty.get("householdContactsInWindow")).longValue()).isEqualTo(20);

        // The twenty-first: the address no longer says who lives with whom.
        residents.add(contact(child(uniqueName("Res"), uniqueName("Fam"), "2012-02-01", freshNhsNumber(), hostel),
                List.of()).childId());
        awaitUpToDate(PROCESSOR);

        Map<String, Object> family = family(ann.childId(), "sw1");
        List<Map<String, Object>> members = (List<Map<String, Object>>) family.get("members");
        assertThat(members).extracting(m -> m.get("childId")).containsExactly(ben.childId());
        assertThat((List<String>) members.get(0).get("grounds")).containsExactly("NAMED_SIBLING");
        assertThat(((Number) family.get("householdContactsInWindow")).longValue()).isEqualTo(2);
        assertThat((List<?>) family(residents.get(0), "sw1").get("members")).isEmpty();
    }

    @Test
    void only_social_workers_and_managers_see_a_family_and_an_unknown_child_is_not_found() {
        Household home = Household.fresh();
        Contact ann = contact(child("Ann", home.familyName(), "2015-03-01", freshNhsNumber(), home), List.of());
        awaitUpToDate(PROCESSOR);
        String path = "/api/v1/children/" + ann.childId() + "/family";

        assertThat(get(path, staff("sw1")).statusCode()).isEqualTo(200);
        assertThat(get(path, staff("manager1")).statusCode()).isEqualTo(200);
        assertThat(get(path, staff("admin1")).statusCode()).isEqualTo(403);
        assertThat(get(path, staff("sysadmin1")).statusCode()).isEqualTo(403);
        assertThat(get(path, bearer(POLICE_KEY)).statusCode()).isEqualTo(403);
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = get("/api/v1/children/" + UUID.randomUUID() + "/family", staff("sw1"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(unknown)).containsEntry("type", "/problems/not-found");
    }

    @Test
    void every_record_shown_in_a_family_is_recorded_as_viewed_and_a_refused_view_is_not() {
        Household home = Household.fresh();
        Map<String, String> mother = person("Morgan", home.familyName(), "MOTHER", "1988-06-01");
        Contact ann = contact(child("Ann", home.familyName(), "2015-03-01", freshNhsNumber(), home), List.of(mother));
        Contact ben = contact(child("Ben", home.familyName(), "2017-09-09", freshNhsNumber(), home), List.of(mother));
        awaitUpToDate(PROCESSOR);
        // Only the views from here on: setting up read the contacts, and those reads are recorded too.
        long before = jdbc.sql("SELECT coalesce(max(id), 0) FROM record_views").query(Long.class).single();

        assertThat(get("/api/v1/children/" + ann.childId() + "/family", staff("admin1")).statusCode()).isEqualTo(403);
        assertThat(views(ann, ben, before)).isEmpty();

        assertThat(get("/api/v1/children/" + ann.childId() + "/family", staff("manager1")).statusCode())
                .isEqualTo(200);

        List<Map<String, Object>> views = views(ann, ben, before);
        assertThat(views).extracting(v -> v.get("child_id") + " " + v.get("viewed_by") + " " + v.get("role") + " "
                + v.get("what")).containsExactlyInAnyOrder(
                ann.childId() + " manager1 MANAGER family",
                ben.childId() + " manager1 MANAGER family of " + ann.childId() + " (HOUSEHOLD)");
    }

    @Test
    void redelivered_events_change_nothing_and_a_reset_rebuilds_the_same_family() {
        Household home = Household.fresh();
        Map<String, String> mother = person("Morgan", home.familyName(), "MOTHER", "1988-06-01");
        Contact ann = contact(child("Ann", home.familyName(), "2015-03-01", freshNhsNumber(), home),
                List.of(mother, person("Ben", home.familyName(), "HALF_SIBLING", "2017-09-09")));
        Contact ben = contact(child("Ben", home.familyName(), "2017-09-09", freshNhsNumber(), home),
                List.of(mother));
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor);
        Map<String, Object> before = withoutWindowStart(family(ann.childId(), "sw1"));
        assertThat((List<?>) before.get("members")).hasSize(1);
        // This household's rows only: other tests' work may still be landing in the shared tables.
        List<String> rows = rowsOf(ann, ben);
        assertThat(rows).isNotEmpty();

        // Redelivery: every segment starts again from the first event, without the reset handler.
        processor.shutDown();
        transactions.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(PROCESSOR)) {
                tokenStore.storeToken(null, PROCESSOR, segment);
                tokenStore.releaseClaim(PROCESSOR, segment);
            }
        });
        processor.start();
        awaitCaughtUp(processor);
        assertThat(rowsOf(ann, ben)).isEqualTo(rows);
        assertThat(withoutWindowStart(family(ann.childId(), "sw1"))).isEqualTo(before);

        // Reset: emptied and rebuilt from the event store.
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);
        assertThat(rowsOf(ann, ben)).isEqualTo(rows);
        assertThat(withoutWindowStart(family(ann.childId(), "sw1"))).isEqualTo(before);
    }

    private ObjectNode child(String given, String family, String born, String nhsNumber, Household home) {
        ObjectNode submission = submission();
        ObjectNode child = (ObjectNode) submission.get("child");
        child.put("givenName", given).put("familyName", family).put("dateOfBirth", born).put("nhsNumber", nhsNumber);
        ((ObjectNode) child.get("address")).put("line1", home.line1()).put("postcode", home.postcode());
        return submission;
    }

    private static Map<String, String> person(String given, String family, String relationship, String born) {
        return Map.of("givenName", given, "familyName", family, "relationship", relationship, "dateOfBirth", born);
    }

    /** Sends a police contact with this household and waits until it is assessed. */
    @SuppressWarnings("unchecked")
    private Contact contact(ObjectNode submission, List<Map<String, String>> household) {
        ArrayNode members = submission.putArray("household");
        household.forEach(member -> members.add(json.valueToTree(member)));
        HttpResponse<String> response = postContact(POLICE_KEY, submission);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String contactId = contactIdOf(response);
        Map<String, Object> assessed = await().until(() -> body(get("/api/v1/contacts/" + contactId, staff("sw1"))),
                view -> view.get("threshold") != null && view.get("work") != null);
        return new Contact(contactId, (String) ((Map<String, Object>) assessed.get("work")).get("childId"));
    }

    private void decide(String contactId) {
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        assertThat(postJson(contact + "/consent", staff("sw1"), Map.of("decision", "GIVEN")).statusCode())
                .isEqualTo(204);
        assertThat(postJson(contact + "/proposal", staff("sw1"), Map.of("outcome", "EARLY_HELP",
                "rationale", "Family support is enough.")).statusCode()).isEqualTo(204);
        HttpResponse<String> authorised = postJson(contact + "/proposal/authorise", staff("manager1"),
                Map.of("reason", "Family engaging with support."));
        assertThat(authorised.statusCode()).as(authorised.body()).isEqualTo(204);
    }

    private Map<String, Object> family(String childId, String user) {
        HttpResponse<String> response = get("/api/v1/children/" + childId + "/family", staff(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    /** The window's start moves with the clock between two reads; everything else must not. */
    private static Map<String, Object> withoutWindowStart(Map<String, Object> family) {
        Map<String, Object> copy = new java.util.HashMap<>(family);
        assertThat(copy.remove("householdContactsSince")).isNotNull();
        return copy;
    }

    private List<Map<String, Object>> views(Contact ann, Contact ben, long afterId) {
        return jdbc.sql("""
                        SELECT child_id, viewed_by, role, what FROM record_views
                        WHERE child_id IN (?, ?) AND id > ?""")
                .params(ann.childId(), ben.childId(), afterId)
                .query().listOfRows();
    }

    /** Every row of the family read model about these two records, in a stable order. */
    private List<String> rowsOf(Contact ann, Contact ben) {
        return jdbc.sql("""
                        SELECT 'contact ' || contact_id || ' ' || child_id || ' ' || coalesce(level, -1) || ' '
                               || coalesce(urgency, -1) || ' ' || decided FROM family_contact WHERE child_id IN (?, ?)
                        UNION ALL
                        SELECT 'key ' || child_id || ' ' || kind || ' ' || match_key FROM family_key
                        WHERE child_id IN (?, ?)
                        UNION ALL
                        SELECT 'link ' || child_id || ' ' || linked_child_id FROM family_link
                        WHERE child_id IN (?, ?) OR linked_child_id IN (?, ?)
                        ORDER BY 1""")
                .params(ann.childId(), ben.childId(), ann.childId(), ben.childId(), ann.childId(), ben.childId(),
                        ann.childId(), ben.childId())
                .query(String.class).list();
    }

    /** Every segment claimed again and past the last event in the store. */
    private void awaitCaughtUp(StreamingEventProcessor processor) {
        long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        await().until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == tokenStore.fetchSegments(PROCESSOR).length
                    && status.values().stream().allMatch(segment -> !segment.isErrorState()
                    && segment.getCurrentPosition().orElse(-1) >= head);
        });
    }

    private static String randomLetters(int length) {
        StringBuilder letters = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            letters.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}
