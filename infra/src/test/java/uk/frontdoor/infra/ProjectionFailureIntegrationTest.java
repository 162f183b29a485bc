package uk.frontdoor.infra;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A read model that fails on an event shows it, and retries that event rather than skipping it. */
class ProjectionFailureIntegrationTest extends IntegrationTestSupport {

    private static final Pattern PROBE_FAILURES = Pattern.compile(
            "frontdoor_projection_failures_total\\{[^}]*projection=\"FailureProbeProjection\"[^}]*} ([0-9.]+)");

    @Test
    void a_failing_handler_is_counted_and_its_event_is_retried_not_skipped() {
        double failuresBefore = probeFailures();
        FailureProbeProjection.failuresToGo.set(2);
        ObjectNode submission = submission();
        String submissionId = FailureProbeProjection.PREFIX + UUID.randomUUID();
        submission.put("submissionId", submissionId);

        assertThat(postContact(POLICE_KEY, submission).statusCode()).isEqualTo(202);

        await().until(() -> FailureProbeProjection.processed.contains(submissionId));
        assertThat(probeFailures() - failuresBefore).isEqualTo(2);
    }

    private double probeFailures() {
        Matcher matcher = PROBE_FAILURES.matcher(get("/actuator/prometheus", null).body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
