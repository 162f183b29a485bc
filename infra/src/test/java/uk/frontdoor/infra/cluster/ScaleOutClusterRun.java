package uk.frontdoor.infra.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.cluster.LoopbackCluster.Node;
import uk.frontdoor.infra.load.LoadGenerator;
import uk.frontdoor.infra.load.LoadReport;
import uk.frontdoor.infra.load.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out run of issue 14 (Maven profile {@code cluster}, script {@code infra/cluster-run.sh}): three
 * instances of the service jar, separate processes on the prod profile, against a 3-broker KRaft Kafka
 * cluster (replication factor 3) and one PostgreSQL, all on loopback. It shows that submissions spread
 * across the instances, that two contacts about one child sent to two instances at the same moment both
 * land in that child's one stream, that the projections' segments are shared out, and that killing an
 * instance and a broker in the middle of a load run leaves the others carrying all the work within 30
 * seconds; it ends by checking the event store's counts against what was sent. Timings are printed as
 * {@code CLUSTER-RUN} lines (for docs/benchmarks.md).
 */
class ScaleOutClusterRun {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);
    private static final Duration OBSERVED = Duration.ofSeconds(120);
    /** On the prod profile each agency publishes to its own topic. */
    private static final String TOPIC_PREFIX = "frontdoor.contacts.";
    private static final List<String> TOPICS = List.of(TOPIC_PREFIX + "demo-police", TOPIC_PREFIX + "demo-school",
            TOPIC_PREFIX + "demo-health");
    private static final String GROUP = "frontdoor-intake";
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static volatile long killedAt;

    @Test
    void three_instances_share_the_work_and_carry_on_without_one_instance_and_one_broker() throws Exception {
        Path work = Path.of("target/cluster-run");
        try (LoopbackCluster cluster = new LoopbackCluster(work, Path.of("target/frontdoor.jar"))) {
            long start = System.nanoTime();
            cluster.startPostgres();
            cluster.startIdentityProvider();
            cluster.startKafka();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 3);
                figure("kafka-cluster-up", System.nanoTime() - start);

                // The first instance migrates the database and creates the topics; the others then start together.
                Node first = cluster.startInstance();
                cluster.awaitReady(first, Duration.ofMinutes(5));
                Node second = cluster.startInstance();
                Node third = cluster.startInstance();
                cluster.awaitReady(second, Duration.ofMinutes(5));
                cluster.awaitReady(third, Duration.ofMinutes(5));
                figure("three-instances-ready", System.nanoTime() - start);
                assertThat(admin.describeTopics(TOPICS).allTopicNames().get().values())
                        .hasSize(TOPICS.size()).allSatisfy(topic -> assertThat(topic.partitions())
                                .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3)));

                JdbcClient jdbc = JdbcClient.create(cluster.postgres().getPostgresDatabase());
                List<Node> instances = cluster.instances();

                sameChildOnTwoInstancesAtOnce(instances, jdbc);

                // The load run: Kafka to every broker, HTTP to the two instances that will stay.
                String run = UUID.randomUUID().toString().substring(0, 8);
                LoadSettings settings = LoadSettings.parse("--kafka=" + cluster.bootstrapServers(),
                        "--http=" + address(first) + "," + address(second), "--metrics=",
                        "--rate=25", "--duration=60s", "--burst=10s", "--burst-factor=2", "--kafka-share=0.7",
                        "--invalid-share=0.01", "--http-concurrency=8", "--drain=90s", "--progress=5s",
                        "--agency-topic-prefix=" + TOPIC_PREFIX,
                        "--run-id=" + run, "--seed=14");
                PrintStream progress = new PrintStream(Files.newOutputStream(work.resolve("load-" + run + ".log")),
                        true, StandardCharsets.UTF_8);
                CompletableFuture<LoadReport> load = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new LoadGenerator(settings, Clock.systemUTC(), progress).run();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });

                // Spread: every instance takes Kafka submissions and holds projection segments.
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> instances.stream().allMatch(node -> kafkaContactsReceived(node) > 0));
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> segmentsSharedOut(jdbc, instances));
                Map<String, Set<String>> owners = segmentOwners(jdbc);
                System.out.println("CLUSTER-RUN segment owners by projection: " + owners);
                assertThat(sharedProcessors(jdbc)).isNotEmpty().allSatisfy(processor ->
                        assertThat(owners.get(processor)).as(processor).hasSizeGreaterThanOrEqualTo(2));
                int membersBefore = description(admin).members().size();
                System.out.println("CLUSTER-RUN consumer group members before the kill: " + membersBefore);

                // Mid-run: kill the third instance and, without warning, the broker that is the consumer group's
                // coordinator (the leader of the group's partition of Kafka's offsets topic), the worst broker to lose:
                // the survivors find no coordinator until the controller fences it and another broker loads the group,
                // and every member's session then starts again (docs/benchmarks.md, "The coordinator's broker").
                int victim = description(admin).coordinator().id();
                System.out.println("CLUSTER-RUN before the kill: " + offsetsPartition(admin) + ", KRaft quorum leader kafka-"
                        + admin.describeMetadataQuorum().quorumInfo().get(5, TimeUnit.SECONDS).leaderId());
                Node broker = cluster.brokers().get(victim - 1);
                List<Node> surviving = cluster.brokers().stream().filter(node -> node != broker).toList();
                System.out.println("CLUSTER-RUN killing service-3 and kafka-" + victim + ", the group's coordinator");
                killedAt = System.nanoTime();
                third.kill();
                broker.kill();
                String deadOwner = third.process().pid() + "@";

                // A fresh client on the surviving brokers each time: one that knew the dead broker keeps trying it.
                String survivingBrokers = "localhost:" + surviving.get(0).port() + ",localhost:" + surviving.get(1).port();
                // Both watched at once from the kill, each for longer than the limit, so that a run over it still
                // says by how much.
                CompletableFuture<Long> segmentsWatch = CompletableFuture.supplyAsync(() -> {
                    Awaitility.await().atMost(OBSERVED).pollInterval(Duration.ofMillis(250))
                            .until(() -> segmentsCarriedBySurvivors(jdbc, deadOwner));
                    return System.nanoTime() - killedAt;
                });
                Awaitility.await().atMost(OBSERVED).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .until(() -> partitionsCarriedBySurvivors(survivingBrokers, membersBefore));
                long partitionsTaken = System.nanoTime() - killedAt;
                figure("kafka-partitions-taken-over-after-kill", partitionsTaken);
                try (Admin survivors = quickAdmin(survivingBrokers)) {
                    System.out.println("CLUSTER-RUN after the takeover: " + offsetsPartition(survivors));
                }
                long segmentsTaken = segmentsWatch.get(OBSERVED.toSeconds() + 10, TimeUnit.SECONDS);
                System.out.println("CLUSTER-RUN segment owners after the kill: " + segmentOwners(jdbc));
                figure("projection-segments-taken-over-after-kill", segmentsTaken);

                LoadReport report = load.get(5, TimeUnit.MINUTES);
                System.out.println("CLUSTER-RUN load: " + report.summary().replace('\n', ' '));
                assertThat(report.failedKafka()).isZero();
                assertThat(report.failedHttp()).isZero();
                assertThat(report.refusedHttp()).isEqualTo(report.invalidHttp());
                assertThat(report.deadLettered()).isEqualTo(report.invalidKafka());

                // Nothing lost, nothing twice: the event store holds each valid submission's contact exactly once,
                // each with its threshold decision, and the contact status read model has every one.
                long valid = report.sent() - report.invalidKafka() - report.invalidHttp();
                String pattern = "LOAD-" + run + "-%";
                long storedBy = System.nanoTime();
                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(jdbc, "SELECT count(*) FROM contact_registry WHERE submission_id LIKE ?", pattern) >= valid);
                figure("all-stored-after-last-send", System.nanoTime() - storedBy);
                assertThat(count(jdbc, "SELECT count(*) FROM contact_registry WHERE submission_id LIKE ?", pattern))
                        .isEqualTo(valid);
                assertThat(count(jdbc, """
                        SELECT count(*) FROM domainevententry
                        WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId' LIKE ?""", pattern))
                        .isEqualTo(valid);
                assertThat(count(jdbc, """
                        SELECT count(DISTINCT convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId')
                        FROM domainevententry
                        WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'submission' ->> 'submissionId' LIKE ?""", pattern))
                        .isEqualTo(valid);
                assertThat(count(jdbc, """
                        SELECT count(*) FROM domainevententry e JOIN contact_registry r
                          ON r.contact_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'contactId'
                        WHERE e.payloadtype = 'uk.frontdoor.triage.api.ThresholdAssessed' AND r.submission_id LIKE ?""", pattern))
                        .isEqualTo(valid);
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> count(jdbc, "SELECT count(*) FROM contact_status WHERE submission_id LIKE ?", pattern) == valid);
                figure("whole-run", System.nanoTime() - start);
                // The takeover's limit last, so that a run over it has still checked that nothing was lost or doubled.
                assertThat(Duration.ofNanos(partitionsTaken)).as("Kafka partitions with the survivors").isLessThan(TAKEOVER_LIMIT);
                assertThat(Duration.ofNanos(segmentsTaken)).as("projection segments with the survivors").isLessThan(TAKEOVER_LIMIT);
                System.out.printf("CLUSTER-RUN rate: %.1f contacts/s sent over %d s to 3 then 2 instances%n",
                        report.rate(), report.sendingTime().toSeconds());
            }
        }
    }

    /**
     * Pairs of contacts about one child, each pair sent to two different instances at the same moment: for a
     * child new to the front door (both race to start its stream) and for one already known (both append to it).
     * Both contacts land, in one stream, with every sequence number used once.
     */
    private void sameChildOnTwoInstancesAtOnce(List<Node> instances, JdbcClient jdbc) throws Exception {
        for (int pair = 0; pair < 6; pair++) {
            Node one = instances.get(pair % 3);
            Node other = instances.get((pair + 1) % 3);
            String nhsNumber = IntegrationTestSupport.freshNhsNumber();
            boolean known = pair % 2 == 1;
            List<String> contacts = new ArrayList<>();
            if (known) {
                contacts.add(contactId(post(one, policeContact(nhsNumber))));
            }
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> postWhen(go, one, policeContact(nhsNumber)));
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> postWhen(go, other, policeContact(nhsNumber)));
            go.countDown();
            contacts.add(contactId(first.get(60, TimeUnit.SECONDS)));
            contacts.add(contactId(second.get(60, TimeUnit.SECONDS)));

            List<String> children = jdbc.sql("SELECT DISTINCT child_id FROM contact_registry WHERE contact_id IN (:ids)")
                    .param("ids", contacts).query(String.class).list();
            assertThat(children).as("one child for pair %d", pair).hasSize(1);
            String child = children.get(0);
            long received = count(jdbc, """
                    SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?
                      AND payloadtype = 'uk.frontdoor.triage.api.ContactReceived'""", child);
            assertThat(received).as("contacts in the child's stream, pair %d", pair).isEqualTo(contacts.size());
            Map<String, Object> sequence = jdbc.sql("""
                    SELECT count(*) AS events, max(sequencenumber) AS last FROM domainevententry WHERE aggregateidentifier = ?""")
                    .param(child).query().singleRow();
            assertThat(((Number) sequence.get("last")).longValue() + 1).isEqualTo(((Number) sequence.get("events")).longValue());
        }
        System.out.println("CLUSTER-RUN same child on two instances at once: 6 pairs (3 new children, 3 known), every contact in its child's one stream");
    }

    private static ObjectNode policeContact(String nhsNumber) {
        try (InputStream in = ScaleOutClusterRun.class.getResourceAsStream("/police-example.json")) {
            ObjectNode node = (ObjectNode) json.readTree(in);
            node.put("submissionId", "PAIR-" + UUID.randomUUID());
            ((ObjectNode) node.get("child")).put("nhsNumber", nhsNumber);
            node.put("awareSince", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> postWhen(CountDownLatch go, Node node, ObjectNode body) {
        try {
            go.await();
            return post(node, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(Node node, ObjectNode body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(address(node) + "/api/v1/contacts"))
                .header("Authorization", "Bearer dev-key-police").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String contactId(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("contactId").asText();
    }

    private static String address(Node node) {
        return "http://localhost:" + node.port();
    }

    /** The instance's count of contacts received over Kafka (its own metric). */
    private static double kafkaContactsReceived(Node node) {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create(address(node) + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(line -> line.startsWith("frontdoor_contacts_received_total{")
                            && line.contains("channel=\"kafka\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static Map<String, Set<String>> segmentOwners(JdbcClient jdbc) {
        Map<String, Set<String>> owners = new java.util.TreeMap<>();
        jdbc.sql("SELECT processorname, owner FROM tokenentry WHERE owner IS NOT NULL").query((row, i) -> {
            owners.computeIfAbsent(row.getString(1), name -> new HashSet<>()).add(row.getString(2));
            return null;
        }).list();
        return owners;
    }

    /**
     * Every projection of more than one segment has its segments held by more than one instance, and every instance
     * holds some. A processor of one segment (the side effects: partner delivery, which goes out in order, and
     * notifications, which queues emails in the outbox that every instance's sender drains) is held by one instance, and by a survivor once that one is gone.
     */
    private static boolean segmentsSharedOut(JdbcClient jdbc, List<Node> instances) {
        Map<String, Set<String>> owners = segmentOwners(jdbc);
        Set<String> all = new HashSet<>();
        owners.values().forEach(all::addAll);
        boolean everyInstance = instances.stream().allMatch(node ->
                all.stream().anyMatch(owner -> owner.startsWith(node.process().pid() + "@")));
        List<String> shared = sharedProcessors(jdbc);
        return !shared.isEmpty() && everyInstance
                && shared.stream().allMatch(processor -> owners.getOrDefault(processor, Set.of()).size() >= 2);
    }

    /** The processors with more than one segment, which more than one instance can share. */
    private static List<String> sharedProcessors(JdbcClient jdbc) {
        return jdbc.sql("SELECT processorname FROM tokenentry GROUP BY processorname HAVING count(*) > 1 ORDER BY 1")
                .query(String.class).list();
    }

    private static boolean segmentsCarriedBySurvivors(JdbcClient jdbc, String deadOwner) {
        return count(jdbc, "SELECT count(*) FROM tokenentry WHERE owner IS NULL OR owner LIKE ?", deadOwner + "%") == 0;
    }

    /**
     * The partition of Kafka's offsets topic that holds the group (its leader is the group's coordinator) and its
     * in-sync replicas: if the coordinator's broker dies while it is the only one in sync, no other can lead.
     */
    private static String offsetsPartition(Admin admin) throws Exception {
        TopicDescription offsets = admin.describeTopics(List.of(Topic.GROUP_METADATA_TOPIC_NAME)).allTopicNames()
                .get(5, TimeUnit.SECONDS).get(Topic.GROUP_METADATA_TOPIC_NAME);
        TopicPartitionInfo partition = offsets.partitions().get(Utils.abs(GROUP.hashCode()) % offsets.partitions().size());
        return "the group's offsets partition " + partition.partition() + " led by kafka-"
                + (partition.leader() == null ? "none" : partition.leader().id()) + ", in sync "
                + partition.isr().stream().map(node -> "kafka-" + node.id()).toList();
    }

    private static ConsumerGroupDescription description(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(GROUP)).all().get(5, TimeUnit.SECONDS).get(GROUP);
    }

    /** Fewer members than before the kill, and between them every partition of the agencies' topics. */
    private static boolean partitionsCarriedBySurvivors(String bootstrap, int membersBefore) throws Exception {
        try (Admin admin = quickAdmin(bootstrap)) {
            return partitionsCarriedBySurvivors(admin, membersBefore);
        }
    }

    private static Admin quickAdmin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000));
    }

    private static boolean partitionsCarriedBySurvivors(Admin admin, int membersBefore) throws Exception {
        int partitions = admin.describeTopics(TOPICS).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .mapToInt(topic -> topic.partitions().size()).sum();
        ConsumerGroupDescription group = description(admin);
        Set<TopicPartition> assigned = new HashSet<>();
        for (MemberDescription member : group.members()) {
            member.assignment().topicPartitions().stream().filter(p -> TOPICS.contains(p.topic())).forEach(assigned::add);
        }
        System.out.printf("CLUSTER-RUN %.1f s after the kill: group %s (coordinator kafka-%d), %d members (%d before), %d of %d partitions assigned%n",
                (System.nanoTime() - killedAt) / 1e9, group.state(), group.coordinator().id(), group.members().size(), membersBefore, assigned.size(), partitions);
        return group.members().size() < membersBefore && assigned.size() == partitions;
    }

    private static long count(JdbcClient jdbc, String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    private static void figure(String name, long nanos) {
        System.out.printf("CLUSTER-RUN %s: %.1f s%n", name, nanos / 1e9);
    }
}
