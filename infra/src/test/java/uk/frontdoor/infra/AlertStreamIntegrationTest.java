package uk.frontdoor.infra;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.triage.staff.board.AlertStreams;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The alert stream over real HTTP: an idle stream sends heartbeat comments (proxies keep it open),
 * and when the client goes, the next heartbeat finds it and its subscription is let go, rather than
 * living on for the stream's 30-minute timeout.
 */
class AlertStreamIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private AlertStreams streams;

    @Test
    void an_idle_stream_beats_and_a_client_that_has_gone_is_let_go() throws Exception {
        // Boards left by earlier tests' browsers are found by their own heartbeats.
        await().until(() -> streams.openStreams() == 0);

        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/alerts/stream"))
                .header("Authorization", staff("manager1")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // Bounded: a stream that never beats would otherwise block the read for ever.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                // Until the board has come and a heartbeat has followed it (one may come first).
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith(":heartbeat") && lines.stream().anyMatch(seen -> seen.startsWith("event:board"))) {
                        break;
                    }
                }
            });
            assertThat(streams.openStreams()).isEqualTo(1);
        }

        assertThat(lines).anyMatch(line -> line.startsWith("event:board")).last().isEqualTo(":heartbeat");
        await().until(() -> streams.openStreams() == 0);
    }
}
