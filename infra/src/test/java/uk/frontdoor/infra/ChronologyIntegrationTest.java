package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.ChildRecordLinked;
import uk.frontdoor.triage.api.ConsentRecorded;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.FeedbackSent;
import uk.frontdoor.triage.api.PartnerCheckRequested;
import uk.frontdoor.triage.api.staff.StaffRole;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A child's chronology, built from their real event stream. Contacts arrive through the partner
 * API; the staff events that follow (claims, decisions, links) are appended straight to the
 * children's streams through Axon's event store, as their commands would append them.
 */
class ChronologyIntegrationTest extends IntegrationTestSupport {

    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");
    private static final String THRESHOLD = "Threshold: level 3, Amber, rule set berkshire-threshold 2026.1";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private Configuration axon;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private TransactionManager transactions;

    @Test
    void a_childs_events_appear_in_order_with_plain_english_summaries_and_who_did_them() {
        Contact contact = newContact(POLICE_KEY);
        Instant t = later();
        append(contact.childId(), new ContactClaimed(contact.childId(), contact.contactId(), SW1, t.plusSeconds(60)));
        append(contact.childId(), new ConsentRecorded(contact.childId(), contact.contactId(),
                ConsentRecorded.Decision.REFUSED, "Mother declined", SW1, t.plusSeconds(120)));
        append(contact.childId(), new DecisionProposed(contact.childId(), contact.contactId(), DecisionOutcome.EARLY_HELP,
                "Needs can be met by early help", List.of("POLICE"), false, SW1, t.plusSeconds(180)));

        List<Map<String, Object>> entries = awaitEntries(contact.childId(), 7);

        // The decision clock started with the contact (the staff events here were stored directly, so start none).
        // Which child the contact is about is decided first and recorded (issue 13's matching on receipt).
        assertThat(entries).extracting(e -> e.get("type")).containsExactly("ContactReceived", "IdentityMatched",
                "ThresholdAssessed", "ClockStarted", "ContactClaimed", "ConsentRecorded", "DecisionProposed");
        assertThat(entries).extracting(e -> ((Number) e.get("position")).longValue())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(entries).allSatisfy(e -> assertThat(e)
                .containsEntry("childId", contact.childId().value())
                .containsEntry("contactId", contact.contactId().value()));
        assertThat(entries.get(0)).containsEntry("summary", "Contact received from demo-police, sent through the partner API")
                .doesNotContainKeys("actorUserId", "actorRole", "actorAgency");
        assertThat((String) entries.get(1).get("summary")).startsWith("No known child matched: a new record");
        assertThat((String) entries.get(2).get("summary")).startsWith(THRESHOLD);
        assertThat((String) entries.get(3).get("summary")).startsWith("Contact decision due by ");
        assertThat(entries.get(4)).containsEntry("summary", "Claimed by sw1").containsEntry("actorUserId", "sw1")
                .containsEntry("actorRole", "SOCIAL_WORKER").containsEntry("actorAgency", "demo-council")
                .containsEntry("at", t.plusSeconds(60).toString());
        assertThat(entries.get(5)).containsEntry("summary", "Consent: Refused");
        assertThat(entries.get(6)).containsEntry("summary", "Decision proposed: Early help");
        // The reason and rationale are in the record, not in the one-line summary.
        assertThat(jdbc.sql("SELECT detail FROM child_chronology WHERE child_id = ? AND seq = 5")
                .param(contact.childId().value()).query(String.class).single()).isEqualTo("Mother declined");
    }

    @Test
    @SuppressWarnings("unchecked")
    void once_linked_each_childs_chronology_shows_both_histories_in_time_order_and_links_carry_on() {
        Contact a = newContact(POLICE_KEY);
        Contact b = newContact(SCHOOL_KEY);
        Contact c = newContact(HEALTH_KEY);
        Instant t = later();
        append(a.childId(), new ContactClaimed(a.childId(), a.contactId(), SW1, t.plusSeconds(60)));
        append(b.childId(), new ContactClaimed(b.childId(), b.contactId(), MANAGER1, t.plusSeconds(120)));
        append(a.childId(), new ChildRecordLinked(a.childId(), b.childId(), "Same child, two NHS numbers", MANAGER1,
                t.plusSeconds(180)));
        append(b.childId(), new ChildRecordLinked(b.childId(), a.childId(), "Same child, two NHS numbers", MANAGER1,
                t.plusSeconds(181)));
        // C is linked to B only: A's chronology reaches it through B.
        append(b.childId(), new ChildRecordLinked(b.childId(), c.childId(), "Same child", MANAGER1, t.plusSeconds(240)));
        append(c.childId(), new ChildRecordLinked(c.childId(), b.childId(), "Same child", MANAGER1, t.plusSeconds(241)));

        List<Map<String, Object>> ofA = awaitEntries(a.childId(), 18);
        Map<String, Object> chronologyOfA = chronology(a.childId(), "", "sw1");
        Map<String, Object> chronologyOfB = chronology(b.childId(), "", "manager1");

        assertThat((List<String>) chronologyOfA.get("linkedChildren"))
                .containsExactlyInAnyOrder(b.childId().value(), c.childId().value());
        assertThat((List<String>) chronologyOfB.get("linkedChildren"))
                .containsExactlyInAnyOrder(a.childId().value(), c.childId().value());
        assertThat(chronologyOfB.get("entries")).isEqualTo(chronologyOfA.get("entries"));
        assertThat(ofA).extracting(e -> e.get("childId") + " " + e.get("type")).containsExactly(
                a.childId() + " ContactReceived", a.childId() + " IdentityMatched", a.childId() + " ThresholdAssessed",
                a.childId() + " ClockStarted",
                b.childId() + " ContactReceived", b.childId() + " IdentityMatched", b.childId() + " ThresholdAssessed",
                b.childId() + " ClockStarted",
                c.childId() + " ContactReceived", c.childId() + " IdentityMatched", c.childId() + " ThresholdAssessed",
                c.childId() + " ClockStarted",
                a.childId() + " ContactClaimed",
                b.childId() + " ContactClaimed",
                a.childId() + " ChildRecordLinked",
                b.childId() + " ChildRecordLinked",
                b.childId() + " ChildRecordLinked",
                c.childId() + " ChildRecordLinked");
        assertThat(ofA).extracting(e -> Instant.parse((String) e.get("at"))).isSorted();
        assertThat(ofA.get(4)).containsEntry("summary", "Contact received from demo-school, sent through the partner API");
        assertThat(ofA.get(13)).containsEntry("summary", "Claimed by manager1").containsEntry("actorRole", "MANAGER");
        assertThat(ofA.get(14)).containsEntry("summary", "Record linked with " + b.childId())
                .containsEntry("actorUserId", "manager1");
    }

    @Test
    void an_unknown_child_is_a_not_found_problem() {
        HttpResponse<String> response = get("/api/v1/children/" + UUID.randomUUID() + "/chronology", staff("sw1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response)).containsEntry("type", "/problems/not-found").containsEntry("status", 404);
    }

    @Test
    void every_view_is_recorded_with_who_looked_in_what_role_and_when() {
        Contact a = newContact(POLICE_KEY);
        Contact b = newContact(SCHOOL_KEY);
        Instant t = later();
        append(a.childId(), new ChildRecordLinked(a.childId(), b.childId(), "Same child", MANAGER1, t));
        append(b.childId(), new ChildRecordLinked(b.childId(), a.childId(), "Same child", MANAGER1, t.plusSeconds(1)));
        awaitEntries(a.childId(), 8);
        Instant before = Instant.now().minusSeconds(1);

        assertThat(get("/api/v1/children/" + a.childId() + "/chronology?type=ContactReceived", staff("manager1"))
                .statusCode()).isEqualTo(200);

        List<Map<String, Object>> views = jdbc.sql("""
                        SELECT child_id, viewed_by, role, viewed_at, what FROM record_views
                        WHERE child_id IN (?, ?) AND viewed_by = 'manager1' AND viewed_at >= ? ORDER BY child_id""")
                .params(a.childId().value(), b.childId().value(), java.sql.Timestamp.from(before))
                .query().listOfRows();
        assertThat(views).hasSize(2);
        assertThat(views).allSatisfy(view -> assertThat(view).containsEntry("role", "MANAGER"));
        Map<String, Object> ofA = views.stream().filter(v -> a.childId().value().equals(v.get("child_id")))
                .findFirst().orElseThrow();
        Map<String, Object> ofB = views.stream().filter(v -> b.childId().value().equals(v.get("child_id")))
                .findFirst().orElseThrow();
        assertThat(ofA).containsEntry("what", "chronology (types ContactReceived)");
        assertThat(ofB).containsEntry("what", "chronology (types ContactReceived) via linked record " + a.childId());

        // A child who does not exist was not viewed.
        String unknown = UUID.randomUUID().toString();
        get("/api/v1/children/" + unknown + "/chronology", staff("sw1"));
        assertThat(jdbc.sql("SELECT count(*) FROM record_views WHERE child_id = ?").param(unknown)
                .query(Long.class).single()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void filters_narrow_the_chronology_by_type_and_by_day() {
        Contact contact = newContact(POLICE_KEY);
        Instant t = later();
        Instant inThreeDays = t.plus(3, ChronoUnit.DAYS);
        append(contact.childId(), new ContactClaimed(contact.childId(), contact.contactId(), SW1, t));
        append(contact.childId(), new PartnerCheckRequested(contact.childId(), contact.contactId(), "check-1", "POLICE",
                "Any call-outs to the address?", t.plus(1, ChronoUnit.DAYS), SW1, t.plusSeconds(1)));
        append(contact.childId(), new FeedbackSent(contact.childId(), contact.contactId(), DecisionOutcome.EARLY_HELP,
                FeedbackSent.Method.SECURE_EMAIL, inThreeDays, "Told the officer", SW1, inThreeDays));
        awaitEntries(contact.childId(), 7);
        ZoneId england = ZoneId.of("Europe/London");
        LocalDate feedbackDay = LocalDate.ofInstant(inThreeDays, england);

        assertThat(types(chronology(contact.childId(), "?type=ContactClaimed&type=FeedbackSent", "sw1")))
                .containsExactly("ContactClaimed", "FeedbackSent");
        assertThat(types(chronology(contact.childId(), "?from=" + feedbackDay, "sw1"))).containsExactly("FeedbackSent");
        assertThat(types(chronology(contact.childId(), "?to=" + feedbackDay.minusDays(1), "sw1")))
                .containsExactly("ContactReceived", "IdentityMatched", "ThresholdAssessed", "ClockStarted",
                        "ContactClaimed", "PartnerCheckRequested");
        assertThat(types(chronology(contact.childId(), "?type=PartnerCheckRequested&from="
                + LocalDate.ofInstant(t, england) + "&to=" + feedbackDay, "sw1"))).containsExactly("PartnerCheckRequested");
        List<Map<String, Object>> requested = (List<Map<String, Object>>) chronology(contact.childId(),
                "?type=PartnerCheckRequested", "sw1").get("entries");
        assertThat((String) requested.get(0).get("summary")).startsWith("Partner check requested of Police, due ");

        HttpResponse<String> unknownType = get("/api/v1/children/" + contact.childId()
                + "/chronology?type=NoSuchEvent", staff("sw1"));
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(unknownType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/v1/children/" + contact.childId() + "/chronology?from=2026-02-02&to=2026-02-01",
                staff("sw1")).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/children/" + contact.childId() + "/chronology?from=yesterday", staff("sw1"))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void redelivered_events_add_no_rows_and_a_reset_rebuilds_the_same_chronology() {
        Contact a = newContact(POLICE_KEY);
        Contact b = newContact(SCHOOL_KEY);
        Instant t = later();
        append(a.childId(), new ContactClaimed(a.childId(), a.contactId(), SW1, t));
        append(a.childId(), new ChildRecordLinked(a.childId(), b.childId(), "Same child", MANAGER1, t.plusSeconds(1)));
        append(b.childId(), new ChildRecordLinked(b.childId(), a.childId(), "Same child", MANAGER1, t.plusSeconds(2)));
        awaitEntries(a.childId(), 9);
        StreamingEventProcessor processor = axon.eventProcessingConfiguration()
                .eventProcessor("chronology", StreamingEventProcessor.class).orElseThrow();
        awaitCaughtUp(processor);
        Map<String, Object> before = chronology(a.childId(), "", "sw1");
        // These two records' rows only, whole: other tests' work may still be landing in the shared tables.
        List<String> rows = rowsOf(a, b);
        assertThat(rows).hasSizeGreaterThan(9);

        // Redelivery: every segment's token goes back to the start of the event store without the
        // reset handler, so every event already projected is handled again.
        processor.shutDown();
        transactions.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments("chronology")) {
                tokenStore.storeToken(null, "chronology", segment);
                tokenStore.releaseClaim("chronology", segment);
            }
        });
        processor.start();
        awaitCaughtUp(processor);
        assertThat(rowsOf(a, b)).isEqualTo(rows);
        assertThat(chronology(a.childId(), "", "sw1")).isEqualTo(before);

        // Reset: the tables are emptied and rebuilt from the event store.
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        awaitCaughtUp(processor);
        assertThat(rowsOf(a, b)).isEqualTo(rows);
        assertThat(chronology(a.childId(), "", "sw1")).isEqualTo(before);
    }

    private record Contact(ChildId childId, ContactId contactId) {
    }

    /** A police, school or health contact about a child no other test has used; it starts the child's stream. */
    private Contact newContact(String apiKey) {
        ObjectNode submission = sentBy(apiKey, submission());
        ((ObjectNode) submission.get("concerns")).putArray("indicators").add("CHILD_PRESENT");
        HttpResponse<String> response = postContact(apiKey, submission);
        assertThat(response.statusCode()).isEqualTo(202);
        String contactId = contactIdOf(response);
        String childId = childOf(contactId);
        return new Contact(ChildId.of(childId), ContactId.of(contactId));
    }

    /** A time after every contact received so far, to the second, for the events appended after them. */
    private static Instant later() {
        return Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Appends an event to the child's stream as the next in sequence, through Axon's event store. */
    private void append(ChildId childId, ChildEvent event) {
        long next = eventStore.lastSequenceNumberFor(childId.value()).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Child", childId.value(), next, event));
    }

    private Map<String, Object> chronology(ChildId childId, String query, String user) {
        HttpResponse<String> response = get("/api/v1/children/" + childId + "/chronology" + query, staff(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> awaitEntries(ChildId childId, int expected) {
        return await().until(() -> {
            HttpResponse<String> response = get("/api/v1/children/" + childId + "/chronology", staff("sw1"));
            return response.statusCode() == 200 ? (List<Map<String, Object>>) body(response).get("entries") : List.of();
        }, entries -> entries.size() >= expected);
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> chronology) {
        return ((List<Map<String, Object>>) chronology.get("entries")).stream()
                .map(entry -> (String) entry.get("type")).toList();
    }

    /** Every chronology and link row of the two records, in a stable order. */
    private List<String> rowsOf(Contact a, Contact b) {
        return jdbc.sql("""
                        SELECT concat_ws(' ', 'entry', child_id, seq, at, contact_id, type, summary, detail,
                                         actor_user_id, actor_role, actor_agency)
                        FROM child_chronology WHERE child_id IN (?, ?)
                        UNION ALL
                        SELECT concat_ws(' ', 'link', child_id, linked_child_id) FROM child_links
                        WHERE child_id IN (?, ?) OR linked_child_id IN (?, ?)
                        ORDER BY 1""")
                .params(a.childId().value(), b.childId().value(), a.childId().value(), b.childId().value(),
                        a.childId().value(), b.childId().value())
                .query(String.class).list();
    }

    /** Every segment claimed again and past the last event in the store. */
    private void awaitCaughtUp(StreamingEventProcessor processor) {
        long head = jdbc.sql("SELECT max(globalindex) FROM domainevententry").query(Long.class).single();
        await().until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() == tokenStore.fetchSegments("chronology").length
                    && status.values().stream().allMatch(segment -> !segment.isErrorState()
                    && segment.getCurrentPosition().orElse(-1) >= head);
        });
    }
}
