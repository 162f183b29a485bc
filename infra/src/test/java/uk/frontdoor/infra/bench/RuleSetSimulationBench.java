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
import uk.frontdoor.triage.child.ChildEvolution;
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
    @Autowired
    uk.frontdoor.triage.child.ChildStreams streams;

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
        LoadMix mix = mix(run);
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

        // A first simulation warms the code up; the next ones are timed, each beside the read's floor measured
        // just after it (-Dfrontdoor.bench.repeat, 1 by default): under a shared machine's load a pair made a few
        // seconds apart is what can be compared.
        simulate(today);
        readFloor(today, false, true);
        int repeat = Integer.getInteger("frontdoor.bench.repeat", 1);
        StringBuilder timed = new StringBuilder();
        Map<String, Object> done = null;
        long simulated = Long.MAX_VALUE;
        for (int r = 0; r < repeat; r++) {
            Cpu before = Cpu.now(jdbc);
            Map<String, Object> once = simulate(today);
            Cpu spent = Cpu.now(jdbc).minus(before);
            // From the request to the report, by the service's own record of both: the benchmark's polling is
            // then free to be rare (each poll is a password check, which took a fifth of the run's processor time
            // at 10 a second).
            long took = Duration.between(instant(once.get("requestedAt")), instant(once.get("finishedAt"))).toNanos();
            int count = ((Number) once.get("contactsDone")).intValue();
            Cpu atText = Cpu.now(jdbc);
            ReadFloor text = readFloor(today, false, false);
            Cpu atBinary = Cpu.now(jdbc);
            ReadFloor binary = readFloor(today, false, true);
            Cpu atFolded = Cpu.now(jdbc);
            ReadFloor folded = readFloor(today, true, true);
            Cpu end = Cpu.now(jdbc);
            timed.append(String.format("Simulation %d: %d contacts in %.2f s: %.0f contacts/s, processor time %s; "
                            + "read floor (plain JDBC, the payloads of the same children's events, 500 children a "
                            + "statement, one thread): all %d events as text %.2f s, %.0f contacts/s, %s; in binary "
                            + "%.2f s, %.0f contacts/s, %s; the %d the replay folds, in binary %.2f s, %.0f contacts/s, "
                            + "%s; load %s%n",
                    r + 1, count, took / 1e9, count / (took / 1e9), spent, text.events(), text.seconds(),
                    count / text.seconds(), atBinary.minus(atText), binary.seconds(), count / binary.seconds(),
                    atFolded.minus(atBinary), folded.events(), folded.seconds(), count / folded.seconds(),
                    end.minus(atFolded), loadAverage()));
            if (took < simulated) {
                simulated = took;
                done = once;
            }
        }
        int replayed = ((Number) done.get("contactsDone")).intValue();
        assertThat(replayed).isGreaterThanOrEqualTo(contacts);
        timed.append(opening(today));

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
                loadAverage()) + timed + jdbc.sql("""
                        SELECT string_agg(format('%s: %s events, %s bytes each', substring(payloadtype from '[^.]*$'),
                                                 n, bytes), '; ' ORDER BY n DESC)
                        FROM (SELECT payloadtype, count(*) AS n, round(avg(octet_length(payload))) AS bytes
                              FROM domainevententry GROUP BY payloadtype) t""").query(String.class).single()
                + String.format("%n");
        System.out.print(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "rule-set-simulation-bench.txt"), report);
    }

    /**
     * Where seeding and reception part: the same N submissions received over Kafka and seeded (the same mix, the
     * same seed, another run id), compared contact by contact: the earlier contacts of the child each joined, the
     * matching outcome, and the threshold level in force and by the draft with the child's history as it stood.
     * Prints the counts of each kind of difference and a few examples by sequence number (no personal data).
     * Its own switch, {@code -Dfrontdoor.bench.compare=true}: it stores its contacts today beside the timed run's.
     */
    @Test
    @EnabledIfSystemProperty(named = "frontdoor.bench.compare", matches = "true")
    void seeded_and_received_contacts_compared_contact_by_contact() throws Exception {
        int contacts = Integer.getInteger("frontdoor.bench.contacts", 10_000);
        String id = UUID.randomUUID().toString().substring(0, 6);
        String receivedRun = "LOAD-CMPR" + id + "-";
        String seededRun = "LOAD-CMPS" + id + "-";
        receive(mix(receivedRun), receivedRun, contacts);
        axon.eventProcessingConfiguration().eventProcessors().values()
                .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
        Instant now = Instant.now();
        new SeededContacts(dataSource, transactionManager, axon.eventSerializer(), keys, intake, rules, standard,
                timeliness, matcher, Clock.systemUTC()).seed(SeededContacts.of(mix(seededRun), AGENCIES), contacts,
                now.minus(Duration.ofHours(1)), now);
        Map<Integer, Replayed> received = replayed(receivedRun);
        Map<Integer, Replayed> seeded = replayed(seededRun);
        assertThat(received).hasSize(contacts);
        assertThat(seeded).hasSize(contacts);
        Map<String, Integer> differences = new java.util.TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (int i = 1; i <= contacts; i++) {
            Replayed r = received.get(i);
            Replayed s = seeded.get(i);
            List<String> kinds = new ArrayList<>();
            if (!r.earlier().equals(s.earlier())) {
                kinds.add("earlier contacts of the child");
            }
            if (!r.all().equals(s.all())) {
                kinds.add("the child's contacts, in any order");
            }
            if (r.earlier().equals(s.earlier()) && (r.inForce() != s.inForce() || r.byDraft() != s.byDraft())) {
                kinds.add("a level, after the same earlier contacts");
            }
            if (r.outcome() != s.outcome()) {
                kinds.add("matching outcome " + r.outcome() + " received, " + s.outcome() + " seeded");
            }
            if (r.inForce() != s.inForce()) {
                kinds.add("level in force");
            }
            if (r.byDraft() != s.byDraft()) {
                kinds.add("level by the draft");
            }
            if ((r.byDraft() < r.inForce()) != (s.byDraft() < s.inForce())) {
                kinds.add("level down " + (r.byDraft() < r.inForce() ? "received only" : "seeded only"));
            }
            kinds.forEach(kind -> differences.merge(kind, 1, Integer::sum));
            if (!kinds.isEmpty() && examples.size() < 40) {
                examples.add(String.format("contact %d: %s; received after %s (%s, level %d, draft %d), seeded "
                                + "after %s (%s, level %d, draft %d)", i, kinds, r.earlier(), r.outcome(), r.inForce(),
                        r.byDraft(), s.earlier(), s.outcome(), s.inForce(), s.byDraft()));
            }
        }
        String report = String.format("%d contacts received over Kafka and seeded, compared: differences %s%n%s%n",
                contacts, differences, String.join("\n", examples));
        System.out.print(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "seeded-against-received.txt"), report);
    }

    private static LoadMix mix(String run) {
        return new LoadMix(LoadSettings.parse("--run-id=" + run.substring("LOAD-".length(), run.length() - 1),
                "--repeat-share=0.2", "--invalid-share=0", "--seed=17"), Clock.systemUTC());
    }

    /**
     * One contact as a simulation replays it: the sequence numbers of the child's contacts before it in the
     * stream, its matching outcome, and its level in force and by the draft.
     */
    private record Replayed(List<Integer> earlier, uk.frontdoor.triage.api.value.IdentityMatch.Outcome outcome,
                            int inForce, int byDraft, java.util.Set<Integer> all) {
    }

    /** Each contact of the run by its sequence number, replayed from its child's stream. */
    private Map<Integer, Replayed> replayed(String run) {
        Map<String, Integer> sequence = new java.util.HashMap<>();
        jdbc.sql("SELECT contact_id, submission_id FROM contact_registry WHERE submission_id LIKE ?")
                .param(run + "%").query(rs -> {
                    sequence.put(rs.getString(1), Integer.parseInt(rs.getString(2).substring(run.length())));
                });
        List<String> children = jdbc.sql("SELECT DISTINCT child_id FROM contact_registry WHERE submission_id LIKE ?")
                .param(run + "%").query(String.class).list();
        Map<Integer, Replayed> replayed = new java.util.HashMap<>();
        for (String child : children) {
            List<uk.frontdoor.triage.api.ChildEvent> stream = eventStore.readEvents(child, 0L).asStream()
                    .map(event -> (uk.frontdoor.triage.api.ChildEvent) event.getPayload()).toList();
            java.util.Set<Integer> all = stream.stream().filter(ContactReceived.class::isInstance)
                    .map(event -> sequence.get(((ContactReceived) event).contactId().value()))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
            ChildState state = ChildState.NONE;
            List<Integer> before = new ArrayList<>();
            Map<String, ContactReceived> open = new java.util.HashMap<>();
            Map<String, uk.frontdoor.triage.api.value.IdentityMatch.Outcome> outcomes = new java.util.HashMap<>();
            for (uk.frontdoor.triage.api.ChildEvent event : stream) {
                if (event instanceof ContactReceived contact) {
                    open.put(contact.contactId().value(), contact);
                    int draft = Reception.assess(contact, state, List.of(), rules, DRAFT).level();
                    replayed.put(sequence.get(contact.contactId().value()),
                            new Replayed(List.copyOf(before), null, -1, draft, all));
                    before.add(sequence.get(contact.contactId().value()));
                } else if (event instanceof uk.frontdoor.triage.api.IdentityMatched matched) {
                    outcomes.put(matched.contactId().value(), matched.match().outcome());
                } else if (event instanceof ThresholdAssessed assessed) {
                    int seq = sequence.get(assessed.contactId().value());
                    Replayed so = replayed.get(seq);
                    replayed.put(seq, new Replayed(so.earlier(), outcomes.get(assessed.contactId().value()),
                            assessed.threshold().level(), so.byDraft(), all));
                }
                state = ChildEvolution.evolve(state, event);
            }
        }
        return replayed;
    }

    /**
     * What opening only the child's personal field buys, on this thread's processor time (which the machine's load
     * does not inflate as it does the time taken): the period's children read as a simulation reads them (the types
     * the replay folds, 500 children a statement, on this thread alone), deserialised by the event store's
     * serializer, which opens every personal field, and by the simulation's, which opens only the child; three
     * times each, one after the other. The statements are the same, so the difference is the deserialising.
     */
    private String opening(String day) {
        List<String> children = jdbc.sql("SELECT DISTINCT child_id FROM contact_registry WHERE received_at >= "
                + "CAST(? AS date) AND child_id IS NOT NULL ORDER BY child_id").param(day).query(String.class).list();
        uk.frontdoor.triage.child.ChildStreams childOnly = streams.readBy(uk.frontdoor.triage.EventJson.opening(keys,
                uk.frontdoor.triage.rules.simulation.RuleSetSimulations.PERSONAL_FIELDS_READ));
        var thread = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder out = new StringBuilder("Deserialising the period's folded events on one thread, processor "
                + "time (every personal field opened / only the child):");
        for (int round = 0; round < 4; round++) {
            for (uk.frontdoor.triage.child.ChildStreams reading : List.of(streams, childOnly)) {
                long start = thread.getCurrentThreadCpuTime();
                long events = 0;
                for (int from = 0; from < children.size(); from += 500) {
                    events += reading.read(children.subList(from, Math.min(children.size(), from + 500)),
                            uk.frontdoor.triage.rules.simulation.RuleSetSimulations.FOLDED, List.of()).values().stream()
                            .mapToLong(List::size).sum();
                }
                assertThat(events).isPositive();
                if (round > 0) { // the first round warms both up
                    out.append(String.format(" %.2f s%s", (thread.getCurrentThreadCpuTime() - start) / 1e9,
                            reading == streams ? " /" : ";"));
                }
            }
        }
        return out.append(String.format("%n")).toString();
    }

    private static String loadAverage() throws java.io.IOException {
        return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    }

    /**
     * Processor time spent so far, which a shared machine's load does not inflate as it does the time taken: the
     * simulation's threads' and this one's (which reads the floor), and the test's PostgreSQL's (the postmaster and
     * its child processes, by /proc), in seconds.
     */
    private record Cpu(double inJava, double inDatabase) {

        static Cpu now(org.springframework.jdbc.core.simple.JdbcClient jdbc) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long threadTime = 0;
            for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && (thread.getThreadName().startsWith("rule-set-simulation")
                        || thread.getThreadId() == Thread.currentThread().getId())) {
                    threadTime += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
                }
            }
            String dataDirectory = jdbc.sql("SHOW data_directory").query(String.class).single();
            double database = 0;
            try {
                String postmaster = java.nio.file.Files.readAllLines(java.nio.file.Path.of(dataDirectory,
                        "postmaster.pid")).get(0).trim();
                try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (java.nio.file.Path process : processes.filter(path -> path.getFileName().toString()
                            .chars().allMatch(Character::isDigit)).toList()) {
                        String stat;
                        try {
                            stat = java.nio.file.Files.readString(process.resolve("stat"));
                        } catch (java.io.IOException gone) {
                            continue;
                        }
                        // After the command's closing parenthesis: state, ppid, ..., utime (14th), stime (15th).
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (fields[1].equals(postmaster) || process.getFileName().toString().equals(postmaster)) {
                            database += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Cpu(threadTime / 1e9, database);
        }

        Cpu minus(Cpu before) {
            return new Cpu(inJava - before.inJava, inDatabase - before.inDatabase);
        }

        @Override
        public String toString() {
            return String.format("%.2f s in Java, %.2f s in PostgreSQL", inJava, inDatabase);
        }
    }

    /** How long the read's floor took, and how many event rows it read. */
    private record ReadFloor(double seconds, long events) {
    }

    /**
     * The read's floor: the payload of the period's children's events by plain JDBC, as a simulation's statement
     * reads it (500 children a statement, in stream order), on one thread with nothing deserialised or decrypted:
     * what the database and the driver cost before the service does anything with a row. As text
     * ({@code convert_from}, how {@code ChildStreams} read until 6 December 2026) or in binary form (the server's
     * bytes: how it reads now), of all the events or of the types the replay folds
     * ({@code RuleSetSimulations.FOLDED}).
     */
    private ReadFloor readFloor(String day, boolean foldedOnly, boolean binary) {
        List<String> children = jdbc.sql("SELECT DISTINCT child_id FROM contact_registry WHERE received_at >= "
                + "CAST(? AS date) AND child_id IS NOT NULL ORDER BY child_id").param(day).query(String.class).list();
        Object[] types = uk.frontdoor.triage.rules.simulation.RuleSetSimulations.FOLDED.stream().map(Class::getName).toArray();
        String sql = "SELECT aggregateidentifier, sequencenumber, payloadtype, payloadrevision, "
                + (binary ? "payload" : "convert_from(payload, 'UTF8')") + " FROM domainevententry "
                + "WHERE aggregateidentifier = ANY (?)" + (foldedOnly ? " AND payloadtype = ANY (?)" : "")
                + " ORDER BY aggregateidentifier, sequencenumber";
        long start = System.nanoTime();
        long[] events = {0, 0};
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        for (int from = 0; from < children.size(); from += 500) {
            Object[] group = children.subList(from, Math.min(children.size(), from + 500)).toArray();
            template.query(connection -> {
                var statement = connection.prepareStatement(sql);
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(binary ? -1 : 0);
                statement.setArray(1, connection.createArrayOf("varchar", group));
                if (foldedOnly) {
                    statement.setArray(2, connection.createArrayOf("varchar", types));
                }
                return statement;
            }, (java.sql.ResultSet rs) -> {
                events[0]++;
                events[1] += (binary ? rs.getBytes(5).length : rs.getString(5).length()) + rs.getString(1).length()
                        + rs.getLong(2) + rs.getString(3).length();
            });
        }
        assertThat(events[1]).isPositive();
        return new ReadFloor((System.nanoTime() - start) / 1e9, events[0]);
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
