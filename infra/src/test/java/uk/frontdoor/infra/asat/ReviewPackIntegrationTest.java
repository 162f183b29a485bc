package uk.frontdoor.infra.asat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.projections.chronology.RecordTimes;
import uk.frontdoor.triage.api.ChildEvent;
import uk.frontdoor.triage.api.ClockStarted;
import uk.frontdoor.triage.api.ContactClaimed;
import uk.frontdoor.triage.api.DecisionProposed;
import uk.frontdoor.triage.api.ProposalAuthorised;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.api.staff.StaffRole;
import uk.frontdoor.triage.api.value.Actor;
import uk.frontdoor.triage.api.value.ChildId;
import uk.frontdoor.triage.api.value.ContactId;
import uk.frontdoor.triage.api.value.DecisionOutcome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The practice review pack over HTTP: a manager's PDF, parsed back with PDFBox, holds the decision with who, when,
 * why and the rule set, the decision clock with its timeliness, the chronology and who looked at the record; only
 * managers get it, and producing it is recorded in the record of views.
 */
class ReviewPackIntegrationTest extends IntegrationTestSupport {

    private static final Actor SW1 = new Actor("sw1", StaffRole.SOCIAL_WORKER, "demo-council");
    private static final Actor MANAGER2 = new Actor("manager2", StaffRole.MANAGER, "demo-council");

    @Autowired
    private EventStore eventStore;

    @Test
    @SuppressWarnings("unchecked")
    void a_manager_gets_the_pack_as_a_pdf_with_decisions_clocks_chronology_and_views_and_nobody_else_does()
            throws IOException {
        ObjectNode submission = sentBy(POLICE_KEY, submission());
        ((ObjectNode) submission.get("concerns")).putArray("indicators").add("CHILD_PRESENT");
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        ChildId child = ChildId.of(childOf(contactId));
        ContactId contact = ContactId.of(contactId);
        List<DomainEventMessage<?>> service = await().until(() -> {
            List<DomainEventMessage<?>> stream = new ArrayList<>();
            eventStore.readEvents(child.value(), 0L).asStream().forEach(stream::add);
            return stream;
        }, stream -> stream.stream().anyMatch(event -> event.getPayload() instanceof ClockStarted));
        ThresholdAssessed assessed = service.stream().map(DomainEventMessage::getPayload)
                .filter(ThresholdAssessed.class::isInstance).map(ThresholdAssessed.class::cast).findFirst().orElseThrow();
        Instant last = service.stream().map(event -> RecordTimes.of((ChildEvent) event.getPayload(),
                event.getTimestamp())).max(Instant::compareTo).orElseThrow();
        append(child, new ContactClaimed(child, contact, SW1, last.plusMillis(1)));
        append(child, new DecisionProposed(child, contact, DecisionOutcome.STRATEGY_DISCUSSION,
                "Bruising seen by the school", List.of("POLICE"), false, SW1, last.plusMillis(2)));
        append(child, new ProposalAuthorised(child, contact, DecisionOutcome.STRATEGY_DISCUSSION, "sw1",
                assessed.threshold().level(), false, "Agreed with the police", false, MANAGER2, last.plusMillis(3)));
        await().until(() -> "DECIDED".equals(body(get("/api/v1/contacts/" + contactId, staff("sw1"))).get("status")));
        await().until(() -> Instant.now().isAfter(last.plusMillis(3)));
        // The chronology is a read model of its own, which nothing above waited for: until it has the child, its
        // API answers 404.
        awaitUpToDate("chronology");
        // A worker's look at the record, which the pack lists.
        assertThat(get("/api/v1/children/" + child + "/chronology", staff("sw1")).statusCode()).isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String pack = "/api/v1/children/" + child + "/review-pack.pdf?from=" + today.minusDays(1) + "&to=" + today;
        HttpResponse<byte[]> response = getBytes(pack, staff("manager1"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/pdf"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("review-pack.pdf"));
        String text;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Practice review pack", child.value(), "manager1");
        // The decision: what, who proposed and why, who authorised and why, under which rule set.
        assertThat(text).contains("Strategy discussion (section 47)", "Bruising seen by the school", "manager2",
                "Agreed with the police", assessed.threshold().ruleSet().id(),
                "version " + assessed.threshold().ruleSet().version());
        // The decision clock the contact started, with its timeliness.
        assertThat(text).contains("Contact decision", "Still running");
        // The chronology and the record of views.
        assertThat(text).contains("Contact received", "Claimed by sw1", "sw1 (social worker)");

        // Producing the pack is itself recorded, with the period.
        assertThat(jdbc.sql("SELECT what FROM record_views WHERE child_id = ? AND viewed_by = 'manager1'")
                .param(child.value()).query(String.class).list())
                .anySatisfy(what -> assertThat(what)
                        .startsWith("review pack (API, PDF) " + today.minusDays(1) + " to " + today + " as at "));

        // Managers only.
        assertThat(getBytes(pack, staff("sw1")).statusCode()).isEqualTo(403);
        assertThat(getBytes(pack, staff("admin1")).statusCode()).isEqualTo(403);
        assertThat(getBytes(pack, bearer(POLICE_KEY)).statusCode()).isEqualTo(403);

        // A period that is not one is a problem naming the parameter.
        for (Map.Entry<String, String> bad : Map.of(
                "?from=last-week&to=" + today, "from",
                "?from=" + today + "&to=" + today.minusDays(2), "to",
                "?to=" + today, "from",
                "?from=" + today.plusDays(3) + "&to=" + today.plusDays(4), "from").entrySet()) {
            HttpResponse<String> refused = get("/api/v1/children/" + child + "/review-pack.pdf" + bad.getKey(),
                    staff("manager1"));
            assertThat(refused.statusCode()).as(bad.getKey()).isEqualTo(400);
            assertThat((List<Map<String, Object>>) body(refused).get("errors")).singleElement()
                    .satisfies(error -> assertThat(error).containsEntry("field", bad.getValue()));
        }
    }

    private HttpResponse<byte[]> getBytes(String path, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void append(ChildId childId, ChildEvent event) {
        long next = eventStore.lastSequenceNumberFor(childId.value()).map(l -> l + 1).orElse(0L);
        eventStore.publish(new GenericDomainEventMessage<>("Child", childId.value(), next, event));
    }
}
