package uk.frontdoor.infra.kafkasecure;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Kafka broker set up as the front door needs a council's Kafka to be in production, from the Kafka jars: one
 * KRaft node (broker and controller) whose only client listener is SASL/SCRAM-SHA-512, with ACLs enforced by the
 * StandardAuthorizer. Its users and rights:
 * <ul>
 *     <li>each partner agency {@code <code>}: WRITE (and DESCRIBE) on its own topic
 *     {@code <agency topic prefix><code>} and nothing else, so it cannot publish as another agency;</li>
 *     <li>the service: READ on every topic under the prefix and on its consumer group, WRITE on the dead-letter
 *     topic;</li>
 *     <li>{@code replay}, the operators' user for dead letters: READ on the dead-letter topic (export) and WRITE on
 *     every topic under the prefix (replay, as the agency whose topic the dead letter came on);</li>
 *     <li>{@code admin}: the only super user, which creates the topics and ACLs.</li>
 * </ul>
 * The broker's settings are {@code infra/kafka-secure/server.properties}; users are created while its storage is
 * formatted (SCRAM credentials in the first metadata records), then topics and ACLs through the admin API. Run
 * it with {@code infra/kafka-secure/run.sh}; {@code KafkaAgencyIdentityIntegrationTest} starts it in the test.
 */
public final class SecureKafka implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String ADMIN = "admin";

    /** A SCRAM user. */
    public record User(String name, String password) {
        public User {
            if (!name.matches("[A-Za-z0-9._-]+") || !password.matches("[A-Za-z0-9._-]+")) {
                // They go into the format command's [name=...,password=...] and into JAAS lines unquoted.
                throw new IllegalArgumentException("user names and passwords: letters, digits, '.', '_', '-' only");
            }
        }
    }

    /**
     * @param template          the broker's settings, with {@code @PORT@}, {@code @CONTROLLER_PORT@},
     *                          {@code @LOG_DIR@} and {@code @ADMIN_PASSWORD@} to fill in
     * @param workDir           where the filled-in settings and the broker's data go (emptied first)
     * @param port              the SASL client listener's port on localhost
     * @param controllerPort    the controller listener's port on localhost
     * @param adminPassword     the super user's
     * @param service           the front door's own user
     * @param replay            the operators' user for dead letters ({@code infra/dead-letters.sh}): reads the
     *                          dead-letter topic and writes every agency's topic, so it can speak for every agency
     * @param agencies          one user per partner agency, named by its agency code
     * @param agencyTopicPrefix each agency's topic is this followed by its code
     * @param deadLetterTopic   where the service puts refused messages
     * @param consumerGroup     the service's consumer group
     * @param partitions        of each agency's topic
     */
    public record Settings(Path template, Path workDir, int port, int controllerPort, String adminPassword,
                           User service, User replay, List<User> agencies, String agencyTopicPrefix,
                           String deadLetterTopic,
                           String consumerGroup, int partitions) {
        public Settings {
            agencies = List.copyOf(agencies);
        }
    }

    /** The defaults of {@code frontdoor.partner-requests.*}. */
    static final String REPLY_TOPIC_PREFIX = "frontdoor.replies.";
    static final String ANSWER_TOPIC_PREFIX = "frontdoor.answers.";
    static final String ANSWER_GROUP = "frontdoor-partner-answers";

    private final Settings settings;
    private final KafkaRaftServer server;

    private SecureKafka(Settings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /** Formats, starts, and creates topics and ACLs; returns when clients can use it. */
    public static SecureKafka start(Settings settings) throws Exception {
        Path config = writeConfig(settings);
        format(settings, config);
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(config)));
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        SecureKafka kafka = new SecureKafka(settings, server);
        try {
            server.startup();
            kafka.createTopicsAndAcls();
            return kafka;
        } catch (Exception | Error failed) {
            kafka.close();
            throw failed;
        }
    }

    private static Path writeConfig(Settings settings) throws IOException {
        deleteRecursively(settings.workDir());
        Files.createDirectories(settings.workDir());
        String text = Files.readString(settings.template())
                .replace("@PORT@", Integer.toString(settings.port()))
                .replace("@CONTROLLER_PORT@", Integer.toString(settings.controllerPort()))
                .replace("@LOG_DIR@", settings.workDir().resolve("data").toAbsolutePath().toString())
                .replace("@ADMIN_PASSWORD@", new User(ADMIN, settings.adminPassword()).password());
        Path config = settings.workDir().resolve("server.properties");
        Files.writeString(config, text);
        return config;
    }

    /** Kafka's storage tool, with every user's SCRAM credentials: the broker starts knowing them. */
    private static void format(Settings settings, Path config) {
        List<String> args = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()));
        List<User> users = new ArrayList<>();
        users.add(new User(ADMIN, settings.adminPassword()));
        users.add(settings.service());
        users.add(settings.replay());
        users.addAll(settings.agencies());
        for (User user : users) {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + user.name() + ",password=" + user.password() + "]");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting the broker's storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void createTopicsAndAcls() throws Exception {
        try (Admin admin = Admin.create(clientConfig(new User(ADMIN, settings.adminPassword())))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            List<NewTopic> topics = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (User agency : settings.agencies()) {
                String topic = settings.agencyTopicPrefix() + agency.name();
                topics.add(new NewTopic(topic, settings.partitions(), (short) 1));
                acls.add(allow(agency, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
                acls.add(allow(agency, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
                // Partner checks and outcomes to the agency, its answers back (README: Partner information requests).
                String replies = REPLY_TOPIC_PREFIX + agency.name();
                String answers = ANSWER_TOPIC_PREFIX + agency.name();
                topics.add(new NewTopic(replies, 1, (short) 1));
                topics.add(new NewTopic(answers, 1, (short) 1));
                acls.add(allow(agency, ResourceType.TOPIC, replies, PatternType.LITERAL, AclOperation.READ));
                acls.add(allow(agency, ResourceType.TOPIC, replies, PatternType.LITERAL, AclOperation.DESCRIBE));
                acls.add(allow(agency, ResourceType.GROUP, agency.name() + ".", PatternType.PREFIXED, AclOperation.READ));
                acls.add(allow(agency, ResourceType.TOPIC, answers, PatternType.LITERAL, AclOperation.WRITE));
                acls.add(allow(agency, ResourceType.TOPIC, answers, PatternType.LITERAL, AclOperation.DESCRIBE));
            }
            topics.add(new NewTopic(settings.deadLetterTopic(), 1, (short) 1));
            User service = settings.service();
            acls.add(allow(service, ResourceType.TOPIC, settings.agencyTopicPrefix(), PatternType.PREFIXED, AclOperation.READ));
            acls.add(allow(service, ResourceType.TOPIC, settings.agencyTopicPrefix(), PatternType.PREFIXED, AclOperation.DESCRIBE));
            acls.add(allow(service, ResourceType.GROUP, settings.consumerGroup(), PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(service, ResourceType.TOPIC, REPLY_TOPIC_PREFIX, PatternType.PREFIXED, AclOperation.WRITE));
            acls.add(allow(service, ResourceType.TOPIC, REPLY_TOPIC_PREFIX, PatternType.PREFIXED, AclOperation.DESCRIBE));
            acls.add(allow(service, ResourceType.TOPIC, ANSWER_TOPIC_PREFIX, PatternType.PREFIXED, AclOperation.READ));
            acls.add(allow(service, ResourceType.TOPIC, ANSWER_TOPIC_PREFIX, PatternType.PREFIXED, AclOperation.DESCRIBE));
            acls.add(allow(service, ResourceType.GROUP, ANSWER_GROUP, PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(service, ResourceType.TOPIC, settings.deadLetterTopic(), PatternType.LITERAL, AclOperation.WRITE));
            acls.add(allow(service, ResourceType.TOPIC, settings.deadLetterTopic(), PatternType.LITERAL, AclOperation.DESCRIBE));
            // Export reads with no consumer group, so the replay user needs no group ACL.
            User replay = settings.replay();
            acls.add(allow(replay, ResourceType.TOPIC, settings.agencyTopicPrefix(), PatternType.PREFIXED, AclOperation.WRITE));
            acls.add(allow(replay, ResourceType.TOPIC, settings.agencyTopicPrefix(), PatternType.PREFIXED, AclOperation.DESCRIBE));
            acls.add(allow(replay, ResourceType.TOPIC, settings.deadLetterTopic(), PatternType.LITERAL, AclOperation.READ));
            acls.add(allow(replay, ResourceType.TOPIC, settings.deadLetterTopic(), PatternType.LITERAL, AclOperation.DESCRIBE));
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static AclBinding allow(User user, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user.name(), "*", operation, AclPermissionType.ALLOW));
    }

    public String bootstrapServers() {
        return "localhost:" + settings.port();
    }

    /** What a client signing in as this user sets (producer, consumer or admin). */
    public Map<String, Object> clientConfig(User user) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user.name() + "\" password=\"" + user.password() + "\";");
        return config;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * {@code infra/kafka-secure/run.sh}: starts the broker, writes each agency's and the service's client settings
     * beside its data, prints how to point the service at it, and runs until stopped (Ctrl-C).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg
                        + " (settings: --template, --dir, --port, --controller-port, --agencies, --prefix)");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        List<User> agencies = new ArrayList<>();
        for (String code : given.getOrDefault("agencies", "demo-police,demo-school,demo-health,demo-housing").split(",")) {
            agencies.add(new User(code.trim(), secret()));
        }
        Settings settings = new Settings(Path.of(given.getOrDefault("template", "infra/kafka-secure/server.properties")),
                Path.of(given.getOrDefault("dir", "infra/target/kafka-secure")),
                Integer.parseInt(given.getOrDefault("port", "9094")),
                Integer.parseInt(given.getOrDefault("controller-port", "9095")),
                secret(), new User("frontdoor", secret()), new User("replay", secret()), agencies,
                given.getOrDefault("prefix", "frontdoor.contacts."), "contact-submissions.dlq", "frontdoor-intake", 4);
        SecureKafka kafka = start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "secure-kafka-stop"));
        for (User agency : agencies) {
            kafka.writeClientProperties(agency);
        }
        kafka.writeClientProperties(settings.service());
        kafka.writeClientProperties(settings.replay());
        Path env = settings.workDir().resolve("frontdoor.env");
        Files.writeString(env, """
                FRONTDOOR_KAFKA_BOOTSTRAP_SERVERS=%s
                FRONTDOOR_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT
                FRONTDOOR_KAFKA_SASL_MECHANISM=%s
                FRONTDOOR_KAFKA_USERNAME=%s
                FRONTDOOR_KAFKA_PASSWORD=%s
                """.formatted(kafka.bootstrapServers(), MECHANISM, settings.service().name(), settings.service().password()));
        System.out.printf("""
                        Kafka with SASL/SCRAM-SHA-512 and ACLs on %s (controller on localhost:%d), data in %s.
                        Agency topics: %s
                        Each agency's client settings (user, password): %s/<agency>.properties
                        The service's settings for the prod profile: %s
                        Dead letters' export and replay: infra/dead-letters.sh ... --kafka-config=%s/replay.properties
                        Stop it with Ctrl-C.
                        """, kafka.bootstrapServers(), settings.controllerPort(), settings.workDir(),
                agencies.stream().map(agency -> settings.agencyTopicPrefix() + agency.name()).collect(Collectors.joining(", ")),
                settings.workDir(), env, settings.workDir());
        stopped.await();
    }

    private void writeClientProperties(User user) throws IOException {
        StringBuilder text = new StringBuilder("# Kafka client settings for user ").append(user.name()).append('\n');
        clientConfig(user).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(settings.workDir().resolve(user.name() + ".properties"), text);
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
