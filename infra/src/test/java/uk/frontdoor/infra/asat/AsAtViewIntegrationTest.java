package uk.frontdoor.infra.asat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.PriorityChanged;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.ThresholdAssessed.Priority;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record as it stood at a past moment, over HTTP: a contact is claimed, re-rated and decided after T; as at
 * T it is claimed, with the rules' rating and no proposal or decision, while the live view shows the decision.
 * The staff events are appended to the child's stream through Axon's event store, dated a few milliseconds
 * after the service's own events, as their commands would append them.
 */
class AsAtViewIntegrationTest extends IntegrationTestSupport {

    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor MANAGER1 = new Actor("manager1", StaffRole.MANAGER, "demo-council");

    @Autowired
    private EventStore eventStore;

    @Test
    @SuppressWarnings("unchecked")
    void as_at_a_moment_before_the_rag_change_and_the_decision_the_contact_shows_the_state_before_them() {
        Contact contact = newContact();
        List<DomainEventMessage<?>> service = awaitServiceEvents(contact.childId());
        ThresholdAssessed assessed = payload(service, ThresholdAssessed.class);
        ClockStarted decisionClock = payload(service, ClockStarted.class);
        Instant last = service.stream().map(DomainEventMessage::getTimestamp).max(Instant::compareTo).orElseThrow()
                .plusMillis(5);
        Priority rated = assessed.threshold().priority();
        Priority reRated = rated == Priority.RED ? Priority.AMBER : Priority.RED;

        Instant claimed = last.plusMillis(10);
        Instant asAt = last.plusMillis(15);
        append(contact.childId(), new ContactClaimed(contact.childId(), contact.contactId(), SW1, claimed));
        append(contact.childId(), new PriorityChanged(contact.childId(), contact.contactId(), rated, reRated,
                asAt.plusSeconds(3600), "Father released from custody yesterday", SW1, last.plusMillis(20)));
        append(contact.childId(), new DecisionProposed(contact.childId(), contact.contactId(),
                DecisionOutcome.STRATEGY_DISCUSSION, "Risk of significant harm", List.of("POLICE"), false, SW1,
                last.plusMillis(25)));
        append(contact.childId(), new ProposalAuthorised(contact.childId(), contact.contactId(),
                DecisionOutcome.STRATEGY_DISCUSSION, "sw1", assessed.threshold().level(), false, null, false,
                MANAGER1, last.plusMillis(30)));
        String contactPath = "/api/v1/contacts/" + contact.contactId();
        Map<String, Object> live = await().until(() -> body(get(contactPath, staff("sw1"))),
                answer -> "DECIDED".equals(answer.get("status")));
        assertThat(((Map<String, Object>) live.get("work")).get("priority")).isEqualTo(reRated.name());
        await().until(() -> Instant.now().isAfter(asAt));

        HttpResponse<String> response = get(contactPath + "?asAt=" + asAt, staff("sw1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Object> then = body(response);
        assertThat(then).containsEntry("status", "ASSESSED").containsEntry("asAt", asAt.toString());
        Map<String, Object> work = (Map<String, Object>) then.get("work");
        assertThat(work).containsEntry("heldBy", "sw1").containsEntry("priority", rated.name());
        assertThat(work.get("proposal")).isNull();
        assertThat(work.get("decision")).isNull();
        assertThat(work.get("priorityChanges")).isNull();
        // The threshold with the rule set in force then, as the rules assessed it.
        Map<String, Object> threshold = (Map<String, Object>) then.get("threshold");
        assertThat(threshold).containsEntry("level", assessed.threshold().level())
                .containsEntry("priority", rated.name());
        assertThat((Map<String, Object>) threshold.get("ruleSet"))
                .containsEntry("version", assessed.threshold().ruleSet().version());
        // The decision clock was running then, with this much time left at that moment.
        List<Map<String, Object>> clocks = (List<Map<String, Object>>) then.get("clocks");
        assertThat(clocks).hasSize(1);
        assertThat(clocks.get(0)).containsEntry("open", true)
                .containsEntry("timeLeft", Duration.between(asAt, decisionClock.dueAt()).toString());

        // The child's whole record as at T: the chronology stops at T, the contact as above.
        Map<String, Object> record = body(get("/api/v1/children/" + contact.childId() + "?asAt=" + asAt,
                staff("manager1")));
        List<Map<String, Object>> entries = (List<Map<String, Object>>)
                ((Map<String, Object>) record.get("chronology")).get("entries");
        assertThat(entries).extracting(entry -> entry.get("type")).containsExactly("ContactReceived",
                "IdentityMatched", "ThresholdAssessed", "ClockStarted", "ContactClaimed");
        List<Map<String, Object>> contacts = (List<Map<String, Object>>) record.get("contacts");
        assertThat(contacts).singleElement().satisfies(c -> assertThat(c).containsEntry("status", "ASSESSED"));
        assertThat(record.get("family")).isNotNull();

        // The chronology endpoint takes asAt too, and no longer ignores it.
        Map<String, Object> chronology = body(get("/api/v1/children/" + contact.childId() + "/chronology?asAt="
                + asAt, staff("sw1")));
        assertThat((List<Map<String, Object>>) chronology.get("entries")).hasSize(5);

        // As at now, the view folded from the events is the live view.
        Instant now = Instant.now();
        Map<String, Object> atNow = body(get(contactPath + "?asAt=" + URLEncoder.encode(now.toString(),
                StandardCharsets.UTF_8), staff("sw1")));
        assertThat(atNow.get("work")).isEqualTo(live.get("work"));
        assertThat(atNow.get("threshold")).isEqualTo(live.get("threshold"));
        assertThat(atNow.get("status")).isEqualTo("DECIDED");

        // Each as-at view was recorded before it was shown.
        List<String> recorded = jdbc.sql("""
                        SELECT viewed_by || ': ' || what FROM record_views WHERE child_id = ? AND what LIKE '%as at%'
                        ORDER BY id""")
                .param(contact.childId().value()).query(String.class).list();
        assertThat(recorded).contains("sw1: contact (API) as at " + asAt, "manager1: record (API) as at " + asAt,
                "sw1: chronology as at " + asAt);

        // The live read models are untouched by the fold (their tables were shadowed, then dropped).
        assertThat(body(get(contactPath, staff("sw1"))).get("work")).isEqualTo(live.get("work"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_bad_moment_is_a_problem_naming_the_field_and_a_moment_before_the_record_is_not_found() {
        Contact contact = newContact();
        awaitServiceEvents(contact.childId());
        String child = "/api/v1/children/" + contact.childId();
        String future = Instant.now().plusSeconds(3600).toString();
        for (String path : List.of(child + "?asAt=yesterday", child + "?asAt=2026-03-03", child + "?asAt=" + future,
                child + "/chronology?asAt=14:00", "/api/v1/contacts/" + contact.contactId() + "?asAt=soon",
                "/api/v1/contacts/" + contact.contactId() + "?asAt=" + future)) {
            HttpResponse<String> response = get(path, staff("sw1"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            Map<String, Object> problem = body(response);
            assertThat(problem).containsEntry("type", "/problems/invalid-as-at");
            assertThat((List<Map<String, Object>>) problem.get("errors")).singleElement()
                    .satisfies(error -> assertThat(error).containsEntry("field", "asAt"));
            assertThat(response.body()).doesNotContain("yesterday", "soon");
        }
        assertThat(get(child + "?asAt=2020-01-01T00:00:00Z", staff("sw1")).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/contacts/" + contact.contactId() + "?asAt=2020-01-01T00:00:00Z", staff("sw1"))
                .statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/children/" + UUID.randomUUID() + "?asAt=2026-01-01T00:00:00Z", staff("sw1"))
                .statusCode()).isEqualTo(404);
        // A partner follows where its contact stands now, never as it was.
        assertThat(get("/api/v1/contacts/" + contact.contactId() + "?asAt=2026-01-01T00:00:00Z", bearer(POLICE_KEY))
                .statusCode()).isEqualTo(403);
        // Administrators do not screen: the record as it was is no more theirs than the live one.
        assertThat(get(child + "?asAt=2026-01-01T00:00:00Z", staff("admin1")).statusCode()).isEqualTo(403);
    }

    private record Contact(ChildId childId, ContactId contactId) {
    }

    private Contact newContact() {
        ObjectNode submission = sentBy(POLICE_KEY, submission());
        ((ObjectNode) submission.get("concerns")).putArray("indicators").add("CHILD_PRESENT");
        HttpResponse<String> response = postContact(POLICE_KEY, submission);
        assertThat(response.statusCode()).isEqualTo(202);
        String contactId = contactIdOf(response);
        String childId = childOf(contactId);
        return new Contact(ChildId.of(childId), ContactId.of(contactId));
    }

    /** The events the service stored on receipt: received, matched, assessed, decision clock started. */
    private List<DomainEventMessage<?>> awaitServiceEvents(ChildId childId) {
        return await().until(() -> {
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            eventStore.readEvents(childId.value(), 0L).asStream().forEach(stream::add);
            return stream;
        }, stream -> stream.stream().anyMatch(event -> event.getPayload() instanceof ClockStarted));
    }

    private static <E> E payload(List<DomainEventMessage<?>> stream, Class<E> type) {
        return stream.stream().map(DomainEventMessage::getPayload).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

    private void append(ChildId childId, ChildEvent event) {
        long next = eventStore.lastSequenceNumberFor(childId.value()).map(last -> last + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Child", childId.value(), next, event));
    }
}
