package uk.frontdoor.infra.trust;

import uk.frontdoor.infra.dataprotection.TestMasterKeys;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import uk.frontdoor.infra.FrontDoorApplication;
import uk.frontdoor.infra.IntegrationTestSupport;
import uk.frontdoor.infra.deadletters.DeadLetterCommand;
import uk.frontdoor.infra.kafkasecure.SecureKafka;
import uk.frontdoor.infra.kafkasecure.SecureKafka.User;
import uk.frontdoor.infra.security.TestIdentityProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Who may claim to be whom, over Kafka: the service on its prod profile against a broker set up as production's
 * must be ({@link SecureKafka}: SASL/SCRAM-SHA-512 only, ACLs, a topic per agency that only the agency may write),
 * the service signing in as its own SCRAM user. An agency cannot publish as another, an unauthenticated or
 * wrongly authenticated producer is refused, and what an agency publishes on its own topic is taken as its own
 * whatever the message's header claims. A dead letter exported and replayed by the operators' replay user goes
 * back on the topic of the agency that sent it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAgencyIdentityIntegrationTest {

    private static final String PREFIX = "frontdoor.contacts.";
    private static final User POLICE = new User("demo-police", "police-scram-secret");
    private static final User SCHOOL = new User("demo-school", "school-scram-secret");
    private static final User SERVICE = new User("frontdoor", "service-scram-secret");
    private static final User REPLAY = new User("replay", "replay-scram-secret");
    private static final ObjectMapper json = new ObjectMapper();

    private EmbeddedPostgres postgres;
    private TestIdentityProvider identityProvider;
    private SecureKafka kafka;
    private ConfigurableApplicationContext service;
    private JdbcClient jdbc;
    private final Path workDir = Path.of("target/kafka-secure-test-" + UUID.randomUUID());

    @BeforeAll
    void start() throws Exception {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        postgres = EmbeddedPostgres.builder().start();
        identityProvider = TestIdentityProvider.start();
        kafka = SecureKafka.start(new SecureKafka.Settings(Path.of("kafka-secure/server.properties"),
                workDir, freePort(), freePort(), "admin-scram-secret",
                SERVICE, REPLAY, List.of(POLICE, SCHOOL), PREFIX, "contact-submissions.dlq", "frontdoor-intake", 2));
        // An in-process embedded broker started earlier in this JVM (the shared test context's) leaves its address in
        // system properties, which outrank the prod profile's FRONTDOOR_KAFKA_BOOTSTRAP_SERVERS: set aside meanwhile.
        Map<String, String> setAside = new HashMap<>();
        for (String property : List.of("spring.kafka.bootstrap-servers", "spring.embedded.kafka.brokers")) {
            String value = System.clearProperty(property);
            if (value != null) {
                setAside.put(property, value);
            }
        }
        try {
            service = startService();
        } finally {
            setAside.forEach(System::setProperty);
        }
        jdbc = service.getBean(JdbcClient.class);
    }

    private ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(FrontDoorApplication.class).profiles("prod").run(
                "--server.port=0",
                "--FRONTDOOR_DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--FRONTDOOR_DB_USER=postgres", "--FRONTDOOR_DB_PASSWORD=",
                "--FRONTDOOR_KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                "--FRONTDOOR_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT",
                "--FRONTDOOR_KAFKA_USERNAME=" + SERVICE.name(), "--FRONTDOOR_KAFKA_PASSWORD=" + SERVICE.password(),
                "--FRONTDOOR_OIDC_ISSUER_URI=" + identityProvider.issuer(),
                "--FRONTDOOR_OIDC_CLIENT_ID=" + TestIdentityProvider.CLIENT_ID,
                "--FRONTDOOR_OIDC_CLIENT_SECRET=" + TestIdentityProvider.CLIENT_SECRET,
                // The prod profile has no master key of its own: this run's database gets a random one.
                "--frontdoor.data-protection.master-key=" + TestMasterKeys.random32(),
                "--frontdoor.intake.partitions=2",
                "--frontdoor.partners.agencies[0].code=demo-police", "--frontdoor.partners.agencies[0].name=Demo Police",
                "--frontdoor.partners.agencies[0].api-key-sha256=c526584d45c568ebaa3c7ed63dcbf0c90fd8c223ff3153b6219be26cddb0b2db",
                "--frontdoor.partners.agencies[1].code=demo-school", "--frontdoor.partners.agencies[1].name=Demo School",
                "--frontdoor.partners.agencies[1].api-key-sha256=51622ffea1269e1fe95ce7cf06ebb603ef1c00e60fb478ab555643999a29453e");
    }

    @AfterAll
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
            FileSystemUtils.deleteRecursively(workDir);
        }
        if (identityProvider != null) {
            identityProvider.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void the_service_signs_in_as_its_own_scram_user_and_reads_every_agencys_topic() throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig(new User(SecureKafka.ADMIN, "admin-scram-secret")))) {
            ConsumerGroupDescription group = await().until(() -> admin.describeConsumerGroups(List.of("frontdoor-intake"))
                    .all().get(10, TimeUnit.SECONDS).get("frontdoor-intake"), described -> described.members().stream()
                    .flatMap(member -> member.assignment().topicPartitions().stream()).count() == 4);
            assertThat(group.members()).isNotEmpty().flatExtracting(member -> member.assignment().topicPartitions())
                    .extracting(TopicPartition::topic).containsOnly(PREFIX + "demo-police", PREFIX + "demo-school");
        }
    }

    @Test
    void an_agencys_contact_on_its_own_topic_is_taken_as_that_agencys_whatever_its_header_claims() {
        String submissionId = "KAFKA-ID-" + UUID.randomUUID();
        var record = new ProducerRecord<>(PREFIX + "demo-police", submissionId.getBytes(StandardCharsets.UTF_8),
                submission(submissionId, "6"));
        // The embedded default's header, naming another agency: on the prod profile nobody listens to it.
        record.headers().add("agency", "demo-school".getBytes(StandardCharsets.UTF_8));
        send(POLICE, record);

        assertThat(awaitAgencyOf(submissionId)).isEqualTo("demo-police");
    }

    @Test
    void an_agency_cannot_publish_as_another_its_write_to_the_others_topic_is_refused_and_nothing_is_stored()
            throws Exception {
        long schoolMessagesBefore = messagesOn(PREFIX + "demo-school");
        String forged = "KAFKA-FORGED-" + UUID.randomUUID();

        Throwable refused = catchThrowable(() -> send(POLICE, new ProducerRecord<>(PREFIX + "demo-school",
                forged.getBytes(StandardCharsets.UTF_8), submission(forged, "6"))));

        assertThat(refused).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        assertThat(messagesOn(PREFIX + "demo-school")).isEqualTo(schoolMessagesBefore);
        nothingStoredFor(forged);
    }

    @Test
    void a_producer_that_does_not_authenticate_or_authenticates_wrongly_is_refused() throws Exception {
        long policeMessagesBefore = messagesOn(PREFIX + "demo-police");
        String anonymous = "KAFKA-ANON-" + UUID.randomUUID();
        String wrongPassword = "KAFKA-WRONG-" + UUID.randomUUID();

        // No SASL at all: the listener speaks nothing else, so the producer never even learns the topic's leader.
        Map<String, Object> plaintext = new HashMap<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT"));
        Throwable unauthenticated = catchThrowable(() -> send(plaintext, new ProducerRecord<>(PREFIX + "demo-police",
                anonymous.getBytes(StandardCharsets.UTF_8), submission(anonymous, "6"))));
        // The police agency's user name with a password that is not its own.
        Throwable wronglyAuthenticated = catchThrowable(() -> send(
                kafka.clientConfig(new User(POLICE.name(), "not-the-police-password")),
                new ProducerRecord<>(PREFIX + "demo-police", wrongPassword.getBytes(StandardCharsets.UTF_8),
                        submission(wrongPassword, "6"))));

        assertThat(unauthenticated).hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(wronglyAuthenticated).hasRootCauseInstanceOf(SaslAuthenticationException.class);
        assertThat(messagesOn(PREFIX + "demo-police")).isEqualTo(policeMessagesBefore);
        nothingStoredFor(anonymous, wrongPassword);
    }

    @Test
    void a_dead_letter_exported_and_replayed_by_the_replay_user_goes_back_as_the_agency_whose_topic_it_came_on()
            throws Exception {
        String submissionId = "KAFKA-DLT-" + UUID.randomUUID();
        ObjectNode wrong = (ObjectNode) json.readTree(submission(submissionId, "6"));
        ((ObjectNode) wrong.get("child")).put("nhsNumber", "1234567890");
        var record = new ProducerRecord<>(PREFIX + "demo-police", submissionId.getBytes(StandardCharsets.UTF_8),
                json.writeValueAsBytes(wrong));
        record.headers().add("agency", "demo-school".getBytes(StandardCharsets.UTF_8));
        send(POLICE, record);
        Path replayConfig = clientProperties(REPLAY);
        Path exported = workDir.resolve("dead-letters-" + submissionId + ".jsonl");

        ObjectNode line = await().until(() -> {
            deadLetters("export", "--kafka-config=" + replayConfig, "--out=" + exported);
            return Files.readAllLines(exported).stream().map(KafkaAgencyIdentityIntegrationTest::parse)
                    .filter(one -> submissionId.equals(one.path("key").asText())).findFirst();
        }, Optional::isPresent).orElseThrow();
        assertThat(line.path("topic").asText()).isEqualTo(PREFIX + "demo-police");
        assertThat(line.path("agency").asText()).as("the topic's agency, not the header's").isEqualTo("demo-police");
        assertThat(line.path("reason").asText()).isEqualTo("INVALID_SUBMISSION");

        ((ObjectNode) line.get("submission").get("child")).put("nhsNumber", IntegrationTestSupport.freshNhsNumber());
        Path corrected = workDir.resolve("corrected-" + submissionId + ".jsonl");
        Files.writeString(corrected, line + "\n");
        // An agency's own principal may not write another agency's topic, so it cannot replay police's line.
        Throwable refused = catchThrowable(() -> deadLetters("replay", "--kafka-config=" + clientProperties(SCHOOL),
                "--in=" + corrected));
        assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessageContaining(PREFIX + "demo-police");
        assertThat(deadLetters("replay", "--kafka-config=" + replayConfig, "--in=" + corrected))
                .startsWith("replayed 1 submissions to the agencies' topics " + PREFIX);

        assertThat(awaitAgencyOf(submissionId)).isEqualTo("demo-police");
    }

    private Path clientProperties(User user) throws IOException {
        Properties properties = new Properties();
        kafka.clientConfig(user).forEach((name, value) -> properties.setProperty(name, String.valueOf(value)));
        Path file = workDir.resolve("client-" + user.name() + ".properties");
        try (var writer = Files.newBufferedWriter(file)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static String deadLetters(String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = new DeadLetterCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)).run(args);
        assertThat(status).isZero();
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static ObjectNode parse(String line) {
        try {
            return (ObjectNode) json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Nothing under these submission ids, checked once a later contact on every partition of every agency's topic
     * has been stored: the listener takes each partition in order, so anything sent before would have been seen.
     */
    private void nothingStoredFor(String... submissionIds) {
        Map<String, String> later = new HashMap<>();
        for (User agency : List.of(POLICE, SCHOOL)) {
            Map<String, Object> config = new HashMap<>(kafka.clientConfig(agency));
            try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
                for (int partition = 0; partition < 2; partition++) {
                    String submissionId = "KAFKA-LATER-" + UUID.randomUUID();
                    later.put(submissionId, agency.name());
                    producer.send(new ProducerRecord<>(PREFIX + agency.name(), partition,
                            submissionId.getBytes(StandardCharsets.UTF_8),
                            submission(submissionId, agency == POLICE ? "6" : "2A"))).get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        later.forEach((submissionId, agency) -> assertThat(awaitAgencyOf(submissionId)).isEqualTo(agency));
        for (String submissionId : submissionIds) {
            assertThat(jdbc.sql("SELECT count(*) FROM contact_registry WHERE submission_id = ?").param(submissionId)
                    .query(Long.class).single()).as(submissionId).isZero();
        }
    }

    private String awaitAgencyOf(String submissionId) {
        return await().until(() -> jdbc.sql("SELECT agency FROM contact_registry WHERE submission_id = ?")
                .param(submissionId).query(String.class).optional(), Optional::isPresent).orElseThrow();
    }

    private long messagesOn(String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.clientConfig(new User(SecureKafka.ADMIN, "admin-scram-secret")))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(offset -> offset.offset()).sum();
        }
    }

    private void send(User user, ProducerRecord<byte[], byte[]> record) {
        send(kafka.clientConfig(user), record);
    }

    private static void send(Map<String, Object> config, ProducerRecord<byte[], byte[]> record) {
        Map<String, Object> producer = new HashMap<>(config);
        // A refusal shows within seconds, not after the default minute.
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (var kafkaProducer = new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer())) {
            kafkaProducer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("not sent", e);
        }
    }

    /** The example contact, about a child of its own, from a referral source the agency may use. */
    private static byte[] submission(String submissionId, String referralSource) {
        try (InputStream in = KafkaAgencyIdentityIntegrationTest.class.getResourceAsStream("/police-example.json")) {
            ObjectNode node = (ObjectNode) json.readTree(in);
            node.put("submissionId", submissionId).put("referralSource", referralSource);
            ((ObjectNode) node.get("child")).put("nhsNumber", IntegrationTestSupport.freshNhsNumber());
            node.put("awareSince", Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
