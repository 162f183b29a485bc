package uk.frontdoor.infra.bench;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.load.LoadMix;
import uk.frontdoor.infra.load.LoadSettings;
import uk.frontdoor.rules.RuleSetRef;
import uk.frontdoor.rules.ThresholdEngine;
import uk.frontdoor.triage.api.ContactReceived;
import uk.frontdoor.triage.api.ThresholdAssessed;
import uk.frontdoor.triage.child.ChildState;
import uk.frontdoor.triage.child.reception.Reception;
import uk.frontdoor.triage.child.reception.ReferralStandard;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;
import uk.frontdoor.triage.timeliness.TimelinessPolicy;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.matching.ChildMatcher;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule-set simulation, timed: N contacts of the load generator's mix (20% about a child of an earlier contact, so
 * some children have histories) are stored as reception stores them ({@link SeededContacts}: its events, encrypted,
 * COPYed into the event store; {@code -Dfrontdoor.bench.seed=kafka} receives them over Kafka instead, far slower),
 * then a manager simulates the 2023 rule set over the day, over HTTP, and the clock runs from the request to the
 * report by the service's own record of both (every child's stream read from the event store and folded, each
 * contact decided by reception's own code, the report written). The report's counts are printed: the same contacts
 * seeded or received give the same report.
 *
 * <p>The floor, measured in the same run on the same contacts: the same decisions with everything already in memory
 * (each contact's {@code ContactReceived} read beforehand, decided by {@link Reception#assess} with the 2023 rule set
 * and no history), so the difference is what reading and folding the streams costs.
 *
 * <p>Needs a database holding no other contact received today: run it on its own.
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=RuleSetSimulationBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfrontdoor.bench=true [-Dfrontdoor.bench.contacts=10000] [-Dfrontdoor.bench.seed=copy|kafka]</pre>
 * <p>500,000 contacts need a larger heap than the build's 2 GB (the seeder keeps every child's folded stream):
 * {@code "-Dsurefire.argLine=-Xmx5g -Daxoniq.update-checker.disabled=true"}.
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class RuleSetSimulationBench extends IntegrationTestSupport {

    private static final String TOPIC = "contact-submissions";
    private static final RuleSetRef DRAFT = new RuleSetRef("berkshire-threshold", "2023.1");

    private static final Map<LoadSettings.Partner, String> AGENCIES = Map.of(LoadSettings.Partner.POLICE,
            "demo-police", LoadSettings.Partner.SCHOOL, "demo-school", LoadSettings.Partner.HEALTH, "demo-health");

    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    ContactIntake intake;
    @Autowired
    ReferralStandard standard;
    @Autowired
    TimelinessPolicy timeliness;
    @Autowired
    ChildMatcher matcher;
    @Autowired
    ThresholdEngine rules;
    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void a_simulation_over_n_contacts_beside_the_same_decisions_in_memory() throws Exception {
        int contacts = Integer.getInteger("frontdoor.bench.contacts", 10_000);
        String run = "LOAD-SIMBENCH" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // -Dfrontdoor.bench.read-side=false: every read model stopped while the contacts are received (a simulation
        // reads none of them), so that a large period is stored sooner.
        if (!Boolean.parseBoolean(System.getProperty("frontdoor.bench.read-side", "true"))) {
            axon.eventProcessingConfiguration().eventProcessors().values()
                    .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
        }
        LoadMix mix = new LoadMix(LoadSettings.parse("--run-id=" + run.substring("LOAD-".length(), run.length() - 1),
                "--repeat-share=0.2", "--invalid-share=0", "--seed=17"), Clock.systemUTC());
        String seeding = System.getProperty("frontdoor.bench.seed", "copy");
        long seedStart = System.nanoTime();
        if (seeding.equals("kafka")) {
            receive(mix, run, contacts);
        } else {
            // Stored as reception stores them, not received: the read models are not fed, so they are stopped
            // (a simulation reads none of them).
            axon.eventProcessingConfiguration().eventProcessors().values()
                    .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
            Instant now = Instant.now();
            new SeededContacts(dataSource, transactionManager, axon.eventSerializer(), keys, intake, rules, standard,
                    timeliness, matcher, Clock.systemUTC()).seed(SeededContacts.of(mix, AGENCIES), contacts,
                    LocalDate.now(ZoneId.of("Europe/London")).atStartOfDay(ZoneId.of("Europe/London")).toInstant(), now);
        }
        double seeded = (System.nanoTime() - seedStart) / 1e9;
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        long inPeriod = jdbc.sql("SELECT count(*) FROM contact_registry WHERE received_at >= CAST(? AS date) "
                + "AND child_id IS NOT NULL").param(today).query(Long.class).single();

        // A first simulation warms the code up; the second is the one timed.
        simulate(today);
        Map<String, Object> done = simulate(today);
        // From the request to the report, by the service's own record of both: the benchmark's polling is then
        // free to be rare (each poll is a password check, which took a fifth of the run's processor time at 10 a
        // second).
        long simulated = Duration.between(instant(done.get("requestedAt")), instant(done.get("finishedAt"))).toNanos();
        int replayed = ((Number) done.get("contactsDone")).intValue();
        assertThat(replayed).isGreaterThanOrEqualTo(contacts);

        // The floor: the same decisions, every contact's facts already in memory (of at most 50,000 of the contacts,
        // which is enough for a rate and fits in memory).
        List<ContactReceived> received = new ArrayList<>();
        for (String child : jdbc.sql("SELECT DISTINCT child_id FROM contact_registry WHERE received_at >= CAST(? AS date) "
                + "AND child_id IS NOT NULL LIMIT 40000").param(today).query(String.class).list()) {
            eventStore.readEvents(child, 0L).asStream().map(event -> event.getPayload())
                    .filter(ContactReceived.class::isInstance).map(ContactReceived.class::cast)
                    .filter(contact -> contact.submission() != null).forEach(received::add);
        }
        for (ContactReceived contact : received) {
            Reception.assess(contact, ChildState.NONE, List.of(), rules, DRAFT); // warm-up
        }
        long floorStart = System.nanoTime();
        int levels = 0;
        for (ContactReceived contact : received) {
            ThresholdAssessed.Threshold threshold = Reception.assess(contact, ChildState.NONE, List.of(), rules, DRAFT);
            levels += threshold.level();
        }
        long floor = System.nanoTime() - floorStart;
        assertThat(levels).isPositive();

        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) done.get("report");
        String report = String.format("Contacts %s (%s) in %.1f s: %.0f a second%n", seeding.equals("kafka")
                        ? "received over Kafka" : "stored as reception stores them", seeding, seeded, contacts / seeded)
                + String.format("Report: level up %s, down %s; priority up %s, down %s; flags added %s, lost %s%n",
                outcome.get("levelUp"), outcome.get("levelDown"), outcome.get("priorityUp"),
                outcome.get("priorityDown"), outcome.get("flagsAdded"), outcome.get("flagsLost"))
                + String.format("Rule-set simulation: %d contacts received today (%d in this run), %d replayed in "
                        + "%.2f s: %.0f contacts/s%nFloor, the same decisions in memory for %d of them: %.3f s: %.0f "
                        + "contacts/s; the simulation runs at %.1f%% of it%nload average at the end %s%n", inPeriod,
                contacts, replayed, simulated / 1e9, replayed / (simulated / 1e9), received.size(), floor / 1e9,
                received.size() / (floor / 1e9), 100.0 * (replayed / (simulated / 1e9)) / (received.size() / (floor / 1e9)),
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.print(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "rule-set-simulation-bench.txt"), report);
    }

    /** An instant as the API writes it: ISO-8601 text, or seconds since the epoch. */
    private static Instant instant(Object written) {
        if (written instanceof Number seconds) {
            java.math.BigDecimal exact = new java.math.BigDecimal(seconds.toString());
            return Instant.ofEpochSecond(exact.longValue(), exact.remainder(java.math.BigDecimal.ONE).movePointRight(9)
                    .longValue());
        }
        return Instant.parse((String) written);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> simulate(String day) throws InterruptedException {
        var started = postJson("/api/v1/threshold-rules/simulations", staff("manager1"),
                Map.of("ruleSet", DRAFT.id(), "version", DRAFT.version(), "from", day, "to", day));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + 1_800_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> simulation = body(get(location, staff("manager1")));
            if (!List.of("QUEUED", "RUNNING").contains(simulation.get("state"))) {
                assertThat(simulation).containsEntry("state", "DONE");
                return simulation;
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("the simulation did not finish in 30 minutes");
    }

    /** The load generator's mix over Kafka, until every contact is committed with its child. */
    private void receive(LoadMix mix, String run, int contacts) throws InterruptedException {
        Map<LoadSettings.Partner, String> agencies = AGENCIES;
        List<CompletableFuture<?>> sent = new ArrayList<>(contacts);
        for (int i = 0; i < contacts; i++) {
            LoadMix.Submission submission = mix.next(false);
            var record = new ProducerRecord<>(TOPIC, submission.submissionId().getBytes(StandardCharsets.UTF_8),
                    submission.body());
            record.headers().add("agency", agencies.get(submission.partner()).getBytes(StandardCharsets.UTF_8));
            sent.add(kafka.send(record));
        }
        kafka.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        long deadline = System.nanoTime() + 5_400_000_000_000L;
        while (jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id LIKE ? AND child_id IS NOT NULL")
                .param(run + "%").query(Long.class).single() < contacts) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the contacts were not all received in 90 minutes");
            }
            Thread.sleep(500);
        }
    }
}
