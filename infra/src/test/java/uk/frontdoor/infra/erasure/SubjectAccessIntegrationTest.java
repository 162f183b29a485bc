package uk.frontdoor.infra.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject access bundle for a seeded child, against the real servers: the record's events, its contact view, its
 * chronology, the partner check and its answer, and the record of views, with the referrer, the household and the
 * staff marked for redaction (the child's own data is not), as JSON and as a readable PDF; producing it is recorded.
 */
class SubjectAccessIntegrationTest extends IntegrationTestSupport {

    @Test
    void a_manager_produces_everything_held_about_a_child_with_third_parties_marked_for_redaction() throws Exception {
        ChildIdentity who = ChildIdentity.fresh();
        ObjectNode submission = aChildOfItsOwn(submission(), who);
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        awaitStatus(contactId, "ASSESSED");
        String child = (String) awaitQueueItem(contactId).get("childId");
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        HttpResponse<String> checks = postJson(contact + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("HEALTH"), "question", "What do you know of the family?"));
        assertThat(checks.statusCode()).as(checks.body()).isEqualTo(201);
        String checkId = (String) ((Map<?, ?>) json.readValue(checks.body(), List.class).get(0)).get("checkId");
        assertThat(postJson(contact + "/partner-checks/" + checkId + "/reply", staff("admin1"),
                Map.of("information", "Known to the health visitor.")).statusCode()).isEqualTo(204);
        // The chronology is a read model of its own, which nothing above waited for: until it has the child, its
        // API answers 404.
        awaitUpToDate("chronology");
        assertThat(get("/api/v1/children/" + child + "/chronology", staff("sw1")).statusCode()).isEqualTo(200);
        awaitUpToDate("contact-status");
        awaitUpToDate("chronology");

        assertThat(get("/api/v1/children/" + child + "/subject-access", staff("sw1")).statusCode()).isEqualTo(403);
        HttpResponse<String> produced = get("/api/v1/children/" + child + "/subject-access", staff("manager1"));
        assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
        JsonNode bundle = json.readTree(produced.body());

        assertThat(bundle.path("childId").asText()).isEqualTo(child);
        assertThat(types(bundle.path("events"))).contains("ContactReceived", "ThresholdAssessed",
                "PartnerCheckRequested", "PartnerCheckReplied");
        assertThat(bundle.path("contacts").get(0).path("contactId").asText()).isEqualTo(contactId);
        assertThat(bundle.path("chronology").path("entries").size()).isPositive();
        assertThat(types(bundle.path("partnerChecks"))).contains("PartnerCheckReplied");
        assertThat(bundle.path("partnerChecks").toString()).contains("Known to the health visitor.");
        assertThat(bundle.path("recordOfViews").toString()).contains("sw1").contains("chronology");

        // The child's own data is there and unmarked; the referrer, the household and the staff are marked.
        JsonNode received = bundle.path("events").get(0).path("data");
        assertThat(received.at("/submission/child/givenName").asText()).isEqualTo(who.givenName());
        List<String> marked = new ArrayList<>();
        Map<String, String> categories = new java.util.HashMap<>();
        bundle.path("redactions").forEach(mark -> {
            marked.add(mark.path("path").asText());
            categories.put(mark.path("path").asText(), mark.path("category").asText());
        });
        assertThat(categories).containsEntry("/events/0/data/submission/referrer", "REFERRER")
                .containsEntry("/events/0/data/submission/household/0", "HOUSEHOLD_MEMBER");
        assertThat(bundle.at("/events/0/data/submission/household/0/givenName").asText()).isEqualTo(who.mothersName());
        assertThat(categories.values()).contains("STAFF", "FREE_TEXT");
        assertThat(marked).noneMatch(path -> path.endsWith("/child") || path.contains("/child/"));

        // Producing it is recorded, as the manager's read of the whole record.
        assertThat(jdbc.sql("SELECT count(*) FROM record_views WHERE child_id = ? AND viewed_by = 'manager1' "
                + "AND what = 'subject access (API, JSON)'").param(child).query(Long.class).single()).isEqualTo(1);

        // The same as a readable PDF.
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/children/" + child + "/subject-access.pdf"))
                .header("Authorization", staff("manager2")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = text(pdf.body());
        assertThat(text).contains("Subject access bundle").contains(who.givenName()).contains("Redact? REFERRER")
                .contains("Redact? HOUSEHOLD_MEMBER");
        assertThat(jdbc.sql("SELECT count(*) FROM record_views WHERE child_id = ? AND viewed_by = 'manager2' "
                + "AND what = 'subject access (API, PDF)'").param(child).query(Long.class).single()).isEqualTo(1);
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
