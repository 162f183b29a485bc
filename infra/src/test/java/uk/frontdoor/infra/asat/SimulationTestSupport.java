package uk.frontdoor.infra.asat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.triage.api.ThresholdAssessed;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rule-set simulation tests' contacts, and their children's streams, which a simulation must never write to. */
abstract class SimulationTestSupport extends IntegrationTestSupport {

    @Autowired
    protected EventStore eventStore;

    /** A police contact with these census factors and indicators, accepted. */
    protected String contact(List<String> factors, List<String> indicators) {
        ObjectNode submission = sentBy(POLICE_KEY, submission());
        ObjectNode concerns = (ObjectNode) submission.get("concerns");
        factors.forEach(concerns.putArray("factors")::add);
        indicators.forEach(concerns.putArray("indicators")::add);
        HttpResponse<String> response = postContact(POLICE_KEY, submission);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return contactIdOf(response);
    }

    /** The child's stream, once the contact's assessment is in it. */
    protected String assessedChildOf(String contactId) {
        String child = childOf(contactId);
        await().until(() -> eventStore.readEvents(child, 0L).asStream()
                .anyMatch(event -> event.getPayload() instanceof ThresholdAssessed assessed
                        && assessed.contactId().value().equals(contactId)));
        return child;
    }

    /** How many events the child's stream holds. */
    protected long events(String childId) {
        return eventStore.readEvents(childId, 0L).asStream().count();
    }

    /** A form upload as a browser sends it: the file (when given) and the other fields as parts. */
    protected HttpRequest multipart(String path, String authorization, String fileName, String file,
                                 Map<String, String> fields) {
        String boundary = "----simulation" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        if (file != null) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file\"; filename=\"").append(fileName).append("\"\r\n")
                    .append("Content-Type: application/yaml\r\n\r\n").append(file).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
    }
}
