package uk.frontdoor.infra.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record as it stood at a past moment, timed for a child with a long history: contacts about one child (the
 * same NHS number) are posted until the child's stream holds {@code frontdoor.bench.events} (1,000) events, then a
 * social worker reads {@code GET /api/v1/children/{id}?asAt=} for an instant two thirds of the way along, over HTTP,
 * {@code frontdoor.bench.reads} (50) times after 10 to warm up: the whole stream read, folded up to the instant
 * with the live views' code, and answered.
 *
 * <p>The floor, in the same run: the same child's event rows read with plain JDBC, as many times.
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=AsAtViewBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfrontdoor.bench=true [-Dfrontdoor.bench.events=1000]</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class AsAtViewBench extends IntegrationTestSupport {

    @Test
    void the_record_as_at_a_past_instant_of_a_child_with_a_thousand_events() throws Exception {
        int events = Integer.getInteger("frontdoor.bench.events", 1_000);
        int reads = Integer.getInteger("frontdoor.bench.reads", 50);
        ObjectNode first = submission();
        String childId = childOf(contactIdOf(postContact(POLICE_KEY, first)));
        Instant asAt = null;
        while (eventsOf(childId) < events) {
            ObjectNode again = submission();
            again.set("child", first.get("child").deepCopy());
            String contactId = contactIdOf(postContact(POLICE_KEY, again));
            assertThat(childOf(contactId)).isEqualTo(childId);
            if (asAt == null && eventsOf(childId) >= events * 2 / 3) {
                asAt = Instant.now();
            }
        }
        long stored = eventsOf(childId);
        String path = "/api/v1/children/" + childId + "?asAt=" + URLEncoder.encode(asAt.toString(), StandardCharsets.UTF_8);

        for (int i = 0; i < 10; i++) {
            assertThat(get(path, staff("sw1")).statusCode()).isEqualTo(200);
            floorRead(childId);
        }
        long[] view = new long[reads];
        long[] floor = new long[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            var response = get(path, staff("sw1"));
            view[i] = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            start = System.nanoTime();
            assertThat(floorRead(childId)).isEqualTo(stored);
            floor[i] = System.nanoTime() - start;
        }
        Arrays.sort(view);
        Arrays.sort(floor);
        String report = String.format("as-at view of a child with %d events, %d reads over HTTP: p50 %.1f ms, p99 %.1f ms, "
                        + "max %.1f ms%nfloor (the same rows read with plain JDBC): p50 %.1f ms, p99 %.1f ms%n"
                        + "load average at the end %s%n", stored, reads, ms(view, 0.50), ms(view, 0.99),
                view[reads - 1] / 1e6, ms(floor, 0.50), ms(floor, 0.99),
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.print(report);
        Files.writeString(Path.of("target", "as-at-view-bench.txt"), report);
    }

    private long eventsOf(String childId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?").param(childId)
                .query(Long.class).single();
    }

    /** Every event row of the child, payload and all, as the event store would fetch them. */
    private long floorRead(String childId) {
        return jdbc.sql("""
                        SELECT eventidentifier, sequencenumber, type, timestamp, payloadtype, payloadrevision, payload,
                               metadata
                        FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber""")
                .param(childId).query().listOfRows().size();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
