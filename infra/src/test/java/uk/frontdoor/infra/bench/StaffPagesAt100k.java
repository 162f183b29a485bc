package uk.frontdoor.infra.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load generator for the pages duty staff keep open all day, at 100,000 contacts waiting: the
 * triage queue (unfiltered, with each filter, and deep pages of it) and the duty manager's board. The read models are
 * filled by SQL (100,000 waiting contacts, one contact-decision clock each, 15,000 of them warned or
 * breached, 2,000 proposals), because the figure wanted is the pages' and their queries', not the
 * projections' catch-up. Each page is fetched over HTTP, signed in, by one client and then by four at
 * once, and the latencies printed as a Markdown table (and written to {@code target/pages-at-100k.md}).
 * Not part of the normal build; run it on its own:
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=StaffPagesAt100k -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class StaffPagesAt100k extends IntegrationTestSupport {

    private static final int CONTACTS = 100_000;
    private static final int WARM_UP = 10;
    private static final int TIMED = 60;
    private static final int CLIENTS = 4;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void time_the_queue_and_the_board_at_100k_open_contacts() throws Exception {
        seed();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("queue, unfiltered (social worker)", "/queue");
        pages.put("queue, RAG red", "/queue?rag=RED");
        pages.put("queue, one agency", "/queue?agency=demo-school");
        pages.put("queue, category domestic abuse", "/queue?category=DOMESTIC_ABUSE");
        pages.put("queue, category trafficking (rare)", "/queue?category=TRAFFICKING");
        pages.put("queue, claimed by me", "/queue?show=MINE");
        pages.put("queue, unclaimed, red, one agency", "/queue?rag=RED&agency=demo-police&show=UNCLAIMED");
        // The last page of the unfiltered queue (offset 99,900) and a deep page of one agency's 20,000.
        pages.put("queue, page 1,000 (the last)", "/queue?page=1000");
        pages.put("queue, one agency, page 150", "/queue?agency=demo-school&page=150");
        pages.put("duty board (manager)", "/board");
        pages.put("duty board, team MASH, red", "/board?team=MASH&rag=RED");

        StringBuilder table = new StringBuilder("| page | address | 1 client p50 ms | p95 ms | max ms | "
                + CLIENTS + " clients p50 ms | p95 ms | pages/s |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String user = page.getValue().startsWith("/board") ? "manager1" : "sw1";
            HttpClient client = signedIn(user);
            for (int i = 0; i < WARM_UP; i++) {
                fetch(client, page.getValue());
            }
            double[] single = new double[TIMED];
            for (int i = 0; i < TIMED; i++) {
                single[i] = fetch(client, page.getValue());
            }
            List<HttpClient> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(signedIn(user));
            }
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Callable<double[]>> work = new ArrayList<>();
            for (HttpClient each : clients) {
                work.add(() -> {
                    double[] times = new double[TIMED];
                    for (int i = 0; i < TIMED; i++) {
                        times[i] = fetch(each, page.getValue());
                    }
                    return times;
                });
            }
            long start = System.nanoTime();
            List<Double> concurrent = new ArrayList<>();
            for (Future<double[]> done : pool.invokeAll(work)) {
                Arrays.stream(done.get()).forEach(concurrent::add);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            double[] together = concurrent.stream().mapToDouble(Double::doubleValue).toArray();
            table.append(String.format("| %s | `%s` | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", page.getKey(),
                    page.getValue(), percentile(single, 50), percentile(single, 95), percentile(single, 100),
                    percentile(together, 50), percentile(together, 95), together.length / seconds));
        }
        table.append("\n| query (SQL alone, median of 20) | ms |\n|---|---|\n");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("queue: first 100 waiting", "SELECT * FROM triage_queue WHERE status <> 'DECIDED' "
                + "ORDER BY urgency_rank, response_due_at NULLS LAST, received_at, contact_id LIMIT 100");
        queries.put("queue: page 1,000 (offset 99,900), deferred join", "SELECT t.* FROM (SELECT contact_id, "
                + "urgency_rank, response_due_at, received_at FROM triage_queue WHERE status <> 'DECIDED' ORDER BY "
                + "urgency_rank, response_due_at NULLS LAST, received_at, contact_id OFFSET 99900 LIMIT 100) page "
                + "JOIN triage_queue t USING (contact_id) ORDER BY page.urgency_rank, page.response_due_at NULLS LAST, "
                + "page.received_at, page.contact_id");
        queries.put("queue: page 1,000 (offset 99,900), plain OFFSET", "SELECT * FROM triage_queue WHERE status <> 'DECIDED' "
                + "ORDER BY urgency_rank, response_due_at NULLS LAST, received_at, contact_id OFFSET 99900 LIMIT 100");
        queries.put("queue: count waiting", "SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED'");
        queries.put("queue: waiting by RAG and agency", "SELECT priority, agency, count(*) FROM triage_queue "
                + "WHERE status <> 'DECIDED' GROUP BY priority, agency");
        queries.put("queue: count in category", "SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED' "
                + "AND string_to_array(factors, ',') && string_to_array('12A', ',')");
        queries.put("board: first 200 open alerts", "SELECT * FROM timeliness_clocks "
                + "WHERE state IN ('WARNING', 'BREACHED') ORDER BY due_at, clock_id LIMIT 200");
        queries.put("board: open alerts by state", "SELECT state, count(*) FROM timeliness_clocks "
                + "WHERE state IN ('WARNING', 'BREACHED') GROUP BY state");
        queries.put("board: queue health", "SELECT priority, count(*), count(*) FILTER (WHERE response_due_at < now()), "
                + "count(*) FILTER (WHERE received_at > now() - interval '4 hours'), min(received_at) "
                + "FROM triage_queue WHERE status <> 'DECIDED' GROUP BY priority");
        queries.put("board: proposals", "SELECT * FROM triage_queue WHERE status = 'PROPOSED' "
                + "ORDER BY proposed_at, contact_id LIMIT 50");
        for (Map.Entry<String, String> query : queries.entrySet()) {
            double[] times = new double[20];
            for (int i = 0; i < times.length; i++) {
                long start = System.nanoTime();
                jdbc.sql(query.getValue()).query().listOfRows();
                times[i] = (System.nanoTime() - start) / 1e6;
            }
            table.append(String.format("| %s | %.1f |%n", query.getKey(), percentile(times, 50)));
        }
        table.append("\nCategory filter plan: ").append(plan("3A,3B,3C")).append('\n');
        System.out.println(table);
        Files.writeString(Path.of("target/pages-at-100k.md"), table);
    }

    private void seed() {
        jdbc.sql("""
                INSERT INTO triage_queue (contact_id, child_id, child_name, referral_source, agency, received_at, status,
                    level, priority, urgency_rank, response_due_at, factors, claimed_by, proposed_outcome, proposed_by,
                    proposed_at)
                SELECT gen_random_uuid()::text, gen_random_uuid()::text, 'Bench Child ' || g, '6',
                    (ARRAY['demo-police', 'demo-school', 'demo-health', 'bench-housing', 'bench-public'])[1 + g % 5],
                    now() - (g % 7200) * interval '1 minute',
                    CASE WHEN g % 50 = 0 THEN 'PROPOSED' ELSE 'ASSESSED' END,
                    1 + g % 4, (ARRAY['RED', 'AMBER', 'GREEN', 'BLUE'])[1 + g % 4], 1 + g % 4,
                    now() + ((g % 3000) - 1000) * interval '1 minute',
                    (ARRAY['3A', '10A', '16A,17A', '2C,3A', '18B', '4A', '1A,3B', '12A', '16A', '19B'])[1 + g % 10]
                        || CASE WHEN g % 997 = 0 THEN ',12A' ELSE '' END,
                    CASE WHEN g % 5 = 0 THEN 'sw' || (1 + g % 40) END,
                    CASE WHEN g % 50 = 0 THEN 'EARLY_HELP' END,
                    CASE WHEN g % 50 = 0 THEN 'sw' || (1 + g % 40) END,
                    CASE WHEN g % 50 = 0 THEN now() - (g % 600) * interval '1 minute' END
                FROM generate_series(1, ?) g""").param(CONTACTS).update();
        // sw1 holds 1 in 200 of them (the "claimed by me" filter).
        jdbc.sql("UPDATE triage_queue SET claimed_by = 'sw1' WHERE child_name LIKE 'Bench Child %' "
                + "AND substring(child_name from 13)::int % 200 = 0").update();
        jdbc.sql("""
                INSERT INTO timeliness_clocks (clock_id, child_id, contact_id, type, team, priority, state, started_at,
                    warn_at, due_at, warned_at, breached_at)
                SELECT gen_random_uuid()::text, q.child_id, q.contact_id, 'CONTACT_DECISION', 'MASH', q.priority,
                    CASE WHEN n % 20 < 2 THEN 'BREACHED' WHEN n % 20 < 3 THEN 'WARNING' ELSE 'RUNNING' END,
                    q.received_at, q.response_due_at - interval '2 hours', q.response_due_at,
                    CASE WHEN n % 20 < 3 THEN now() END, CASE WHEN n % 20 < 2 THEN now() END
                FROM (SELECT *, row_number() OVER () AS n FROM triage_queue WHERE child_name LIKE 'Bench Child %') q""")
                .update();
        // What autovacuum does after a bulk change: statistics, and the visibility map index-only scans use.
        jdbc.sql("VACUUM ANALYZE triage_queue").update();
        jdbc.sql("VACUUM ANALYZE timeliness_clocks").update();
        assertThat(jdbc.sql("SELECT count(*) FROM triage_queue WHERE status <> 'DECIDED'").query(Long.class).single())
                .isGreaterThanOrEqualTo(CONTACTS);
    }

    private String plan(String factors) {
        List<String> lines = jdbc.sql("EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM triage_queue WHERE status <> 'DECIDED' "
                        + "AND string_to_array(factors, ',') && string_to_array(?, ',') "
                        + "ORDER BY urgency_rank, response_due_at NULLS LAST, received_at, contact_id LIMIT 100")
                .param(factors).query(String.class).list();
        return String.join(" / ", lines.stream().map(String::trim).toList());
    }

    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/sign-in")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + user + "&password=dev-password&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(uri("/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return client;
    }

    /** @return milliseconds for the whole page, body read */
    private double fetch(HttpClient client, String path) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return millis;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
