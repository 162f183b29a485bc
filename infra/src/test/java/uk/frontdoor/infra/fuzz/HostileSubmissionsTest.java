package uk.frontdoor.infra.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fuzz tests' generator itself: what its callers rely on. */
class HostileSubmissionsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void a_draw_leaves_the_submission_it_was_made_from_as_it_was() throws Exception {
        ObjectNode submission;
        try (InputStream in = getClass().getResourceAsStream("/police-example.json")) {
            submission = (ObjectNode) json.readTree(in);
        }
        ObjectNode original = submission.deepCopy();
        HostileSubmissions inputs = new HostileSubmissions(json, 10);
        Random random = new Random(20261206L);
        for (int i = 0; i < 2_000; i++) {
            HostileSubmissions.Input input = inputs.next(submission, random);
            assertThat(submission).as("after draw " + i + " (" + input.kind() + ")").isEqualTo(original);
        }
    }

    @Test
    void a_good_draw_is_a_valid_submission_whatever_was_drawn_before_it_from_the_same_submission() throws Exception {
        ObjectNode submission;
        try (InputStream in = getClass().getResourceAsStream("/police-example.json")) {
            submission = (ObjectNode) json.readTree(in);
        }
        HostileSubmissions inputs = new HostileSubmissions(json, 10);
        Random random = new Random(-5078500098613771676L);
        for (int i = 0; i < 2_000; i++) {
            HostileSubmissions.Input input = inputs.next(submission, random);
            if (input.good()) {
                ObjectNode sent = (ObjectNode) json.readTree(input.body());
                assertThat(sent.get("child").get("givenName").isTextual()).as("draw " + i).isTrue();
                assertThat(sent.get("child").get("nhsNumber").asText()).as("draw " + i).hasSize(10);
            }
        }
    }
}
