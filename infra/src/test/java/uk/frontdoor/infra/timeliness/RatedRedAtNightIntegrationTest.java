package uk.frontdoor.infra.timeliness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.OwnServiceTestSupport;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on a clock set to 02:00 on a Saturday: an amber contact waits for the day team, until a social
 * worker rates it red; then it is on the emergency duty team's out-of-hours queue over the API, due in the team's two
 * plain hours from the change, as a red contact received then would be.
 */
class RatedRedAtNightIntegrationTest extends OwnServiceTestSupport {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void an_amber_contact_rated_red_at_night_goes_to_the_out_of_hours_queue() {
        Instant saturday0200 = LocalDateTime.parse("2026-05-23T02:00").atZone(LONDON).toInstant();
        clock.moveTo(saturday0200);
        app = start();
        String contact = postAmberContact();
        await().until(() -> "ASSESSED".equals(tree(get("/api/v1/contacts/" + contact, "sw1").body())
                .path("status").asText()));
        assertThat(queued(contact)).as("amber waits for the day team").isNull();

        assertThat(post("/api/v1/contacts/" + contact + "/claim", "edt1", null).statusCode()).isEqualTo(204);
        HttpResponse<String> red = post("/api/v1/contacts/" + contact + "/priority", "edt1",
                Map.of("priority", "RED", "rationale", "The child rang from a neighbour's: injuries disclosed."));
        assertThat(red.statusCode()).as(red.body()).isEqualTo(204);

        Instant changedBy = clock.instant();
        JsonNode queued = await().until(() -> queued(contact), found -> found != null);
        assertThat(queued.get("priority").asText()).isEqualTo("RED");
        // Two plain hours from the change (the clock runs on by itself), not the next office day.
        assertThat(Instant.parse(queued.get("dueAt").asText()))
                .isAfter(saturday0200.plus(2, ChronoUnit.HOURS))
                .isBeforeOrEqualTo(changedBy.plus(2, ChronoUnit.HOURS));
    }

    /** The contact's row on the out-of-hours queue, or null. */
    private JsonNode queued(String contact) {
        HttpResponse<String> response = get("/api/v1/out-of-hours", "edt1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(tree(response.body()).spliterator(), false)
                .filter(row -> row.path("contactId").asText().equals(contact))
                .findFirst().orElse(null);
    }

    /** A police contact about a child no other test has used, with nothing the rules rate red. */
    private String postAmberContact() {
        return accepted(policeExample("RATED-RED-").put("immediateRisk", false), "Bearer dev-key-police");
    }
}
