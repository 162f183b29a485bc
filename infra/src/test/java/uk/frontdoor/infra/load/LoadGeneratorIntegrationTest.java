package uk.frontdoor.infra.load;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.load.LoadSettings.Partner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator against the embedded servers: what it says it sent is what the front door stored. */
class LoadGeneratorIntegrationTest extends IntegrationTestSupport {

    @Test
    void sends_the_mix_it_reports_over_kafka_and_http_and_counts_what_became_of_it() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        LoadSettings settings = LoadSettings.parse(
                "--kafka=" + broker.getBrokersAsString(), "--http=http://localhost:" + port,
                "--rate=30", "--duration=4s", "--burst=1s", "--burst-factor=3", "--kafka-share=0.5",
                "--invalid-share=0.05", "--repeat-share=0.35", "--progress=500ms", "--drain=60s",
                "--run-id=" + run, "--seed=42");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        LoadReport report = new LoadGenerator(settings, Clock.systemUTC(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        // 1 s of burst at 90/s, then 3 s at 30/s.
        assertThat(report.sent()).isEqualTo(180);
        assertThat(report.sentKafka()).isPositive();
        assertThat(report.sentHttp()).isPositive();
        assertThat(report.invalidKafka() + report.invalidHttp()).isPositive();
        assertThat(report.asExpected()).as(report.summary()).isTrue();
        assertThat(report.deadLettered()).isEqualTo(report.invalidKafka());
        assertThat(report.refusedHttp()).isEqualTo(report.invalidHttp());
        long valid = report.sent() - report.invalidKafka() - report.invalidHttp();
        assertThat(report.acceptedHttp() + report.acceptedKafka()).isEqualTo(valid);

        Map<Partner, Long> partners = report.byPartner();
        assertThat(partners.get(Partner.POLICE)).isGreaterThan(partners.get(Partner.SCHOOL));
        assertThat(partners.get(Partner.SCHOOL)).isGreaterThan(partners.get(Partner.HEALTH));
        assertThat(report.repeats()).isPositive();
        assertThat(report.withoutNhsNumber()).isPositive();

        // The front door stored exactly the valid contacts, each once, under the agency that sent it.
        String pattern = "LOAD-" + run + "-%";
        Awaitility.await().until(() -> stored(pattern) == valid);
        for (Partner partner : Partner.values()) {
            long storedFromPartner = jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ? AND agency = ?")
                    .params(pattern, "demo-" + partner.name().toLowerCase()).query(Long.class).single();
            assertThat(storedFromPartner).isPositive().isLessThanOrEqualTo(partners.get(partner));
        }
        // Repeat contacts joined their child's stream: fewer children than contacts.
        long children = jdbc.sql("SELECT count(DISTINCT child_id) FROM contact_registry WHERE submission_id LIKE ?")
                .param(pattern).query(Long.class).single();
        assertThat(children).isLessThan(valid);

        String progress = printed.toString(StandardCharsets.UTF_8);
        // Progress lines come on a timer, which a busy machine delays: their content, not their timing, is checked.
        assertThat(progress).contains("sent ", "accepted ", "dead-lettered ", "refused ", "/s (target ")
                .contains("everything as expected");
    }

    private long stored(String pattern) {
        return jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ?")
                .param(pattern).query(Long.class).single();
    }
}
