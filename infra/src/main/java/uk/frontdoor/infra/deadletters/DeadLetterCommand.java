package uk.frontdoor.infra.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's way back for dead letters, run from the service's own jar ({@code infra/dead-letters.sh}):
 * {@code export} writes every record on the dead-letter topic to a file, one JSON object a line (the key, the
 * sending agency, the reason and violations the front door gave, and the submission as JSON, or as text when it
 * was not JSON); someone who may see the submissions corrects the lines that can be corrected, deletes the rest,
 * and {@code replay} publishes each remaining line's submission as the same agency, keyed by its submission id:
 * to the agency's own topic (the service's {@code agency-from=topic}, production's) or to the one shared topic
 * with the agency header (the embedded default's {@code agency-from=header}). The front door then takes each as
 * any partner's message: stored if it is now valid, dead-lettered again with its reason if not; one it already
 * holds (same submission id) is not stored twice.
 *
 * <p>The file holds children's personal data, as the topic does: the command prints counts only, never content.
 */
public final class DeadLetterCommand {

    static final String USAGE = """
            Usage: infra/dead-letters.sh export --out=FILE [options]
                   infra/dead-letters.sh replay --in=FILE [options]
              --kafka=localhost:9092              bootstrap servers
              --kafka-config=FILE                 Kafka client properties (security.protocol, sasl.*, ssl.*)
              --dead-letter-topic=contact-submissions.dlq
              --agency-topic-prefix=frontdoor.contacts.   each agency's own topic is this and its code
              --agency-from=topic                 replay as the service reads Kafka: topic (each agency's own
                                                  topic, no header; the default and production's) or header
                                                  (--topic with the 'agency' header; the embedded default's)
              --topic=contact-submissions         where replay publishes with --agency-from=header
            export: every record on the dead-letter topic, from its start to its end when asked, one JSON object
            a line: partition, offset, key, topic (where the partner sent it), agency, reason, violations, and
            submission (the JSON sent) or raw (the bytes as text, when they were not JSON). The agency is the one
            whose own topic it was sent to; on any other topic, the 'agency' header's. The file holds personal
            data: keep it as you keep the service's data, and delete it after the replay.
            replay: each line's submission (or raw) as the line's agency, keyed by its submissionId (or key).
            Correct or delete lines first. Every topic it would publish to must exist, or nothing is sent.
            In production it needs a Kafka principal allowed to WRITE the agencies' topics.
            """;

    /** How the service reading the replayed records knows their sender (frontdoor.intake.agency-from). */
    enum AgencyFrom { TOPIC, HEADER }

    /**
     * Where replayed records go.
     *
     * @param agencyFrom        each agency's own topic, or the shared topic with the agency header
     * @param agencyTopicPrefix an agency's own topic is this followed by its code
     * @param topic             the shared topic, with {@link AgencyFrom#HEADER}
     */
    record Target(AgencyFrom agencyFrom, String agencyTopicPrefix, String topic) {

        String topicOf(String agency) {
            return agencyFrom == AgencyFrom.TOPIC ? agencyTopicPrefix + agency : topic;
        }
    }

    /** What Kafka accepts as a topic name (the service's IntakeTopics refuses agency codes that are not). */
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    static final String AGENCY_HEADER = "agency";
    static final String ORIGINAL_TOPIC_HEADER = "kafka_dlt-original-topic";

    /** Kafka said no; the message names topics and exception classes only, never a submission, so it is printed. */
    static final class KafkaRefused extends IllegalStateException {
        KafkaRefused(String message) {
            super(message);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final PrintStream out;

    public DeadLetterCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new DeadLetterCommand(System.out).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            status = 2;
        } catch (KafkaRefused e) {
            System.err.println("failed: " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            // The class only: a message could quote a submission.
            System.err.println("failed: " + e.getClass().getName());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs one command; returns the exit status. */
    public int run(String... args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options = options(args);
        Map<String, Object> kafka = kafkaConfig(options);
        String deadLetterTopic = options.getOrDefault("dead-letter-topic", "contact-submissions.dlq");
        String prefix = options.getOrDefault("agency-topic-prefix", "frontdoor.contacts.");
        Target target = new Target(agencyFrom(options.getOrDefault("agency-from", "topic")), prefix,
                options.getOrDefault("topic", "contact-submissions"));
        return switch (args[0]) {
            case "export" -> {
                long written = export(kafka, deadLetterTopic, prefix, Path.of(required(options, "out")));
                out.printf("exported %d dead letters from %s%n", written, deadLetterTopic);
                yield 0;
            }
            case "replay" -> {
                long replayed = replay(kafka, target, Path.of(required(options, "in")));
                out.printf("replayed %d submissions to %s%n", replayed, target.agencyFrom() == AgencyFrom.TOPIC
                        ? "the agencies' topics " + target.agencyTopicPrefix() + "<agency>"
                        : target.topic() + " with the agency header");
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0] + ": export or replay");
        };
    }

    /** Writes every record on the topic, from its start to its end as it is now, to the file. */
    long export(Map<String, Object> kafka, String deadLetterTopic, String agencyTopicPrefix, Path file)
            throws IOException {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "frontdoor-dead-letters-export");
        long written = 0;
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalArgumentException("no topic " + deadLetterTopic);
            }
            List<TopicPartition> assigned = new ArrayList<>();
            partitions.forEach(p -> assigned.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        writer.write(json.writeValueAsString(line(record, agencyTopicPrefix)));
                        writer.newLine();
                        written++;
                    }
                }
            }
        }
        return written;
    }

    ObjectNode line(ConsumerRecord<byte[], byte[]> record, String agencyTopicPrefix) {
        ObjectNode line = json.createObjectNode();
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("key", record.key() == null ? null : text(record.key()));
        String originalTopic = header(record, ORIGINAL_TOPIC_HEADER);
        line.put("topic", originalTopic);
        line.put("agency", agencyOf(originalTopic, header(record, AGENCY_HEADER), agencyTopicPrefix));
        line.put("reason", header(record, "frontdoor-rejection-reason"));
        String violations = header(record, "frontdoor-rejection-violations");
        if (violations != null) {
            line.set("violations", parse(violations.getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode submission = record.value() == null ? null : parse(record.value());
        if (submission != null && submission.isObject()) {
            line.set("submission", submission);
        } else {
            line.put("raw", record.value() == null ? null : text(record.value()));
        }
        return line;
    }

    /**
     * The agency that sent a dead letter: the one whose own topic it was sent to, as the service read it with
     * agency-from=topic (a header there is anyone's claim, so it does not count); on any other topic (the
     * embedded default's shared one) the agency header's.
     */
    static String agencyOf(String originalTopic, String agencyHeader, String agencyTopicPrefix) {
        if (originalTopic != null && !agencyTopicPrefix.isEmpty() && originalTopic.startsWith(agencyTopicPrefix)
                && originalTopic.length() > agencyTopicPrefix.length()) {
            return originalTopic.substring(agencyTopicPrefix.length());
        }
        return agencyHeader;
    }

    /**
     * Publishes each line of the file as its agency; every send is acknowledged before it returns. Nothing is
     * sent unless every topic it would publish to exists: a topic the broker creates on first use (as the
     * embedded one does) is a topic the service does not read.
     */
    long replay(Map<String, Object> kafka, Target target, Path file) throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                records.add(record(target, lines.get(i), i + 1));
            }
        }
        requireTopics(kafka, records.stream().map(ProducerRecord::topic).collect(Collectors.toCollection(TreeSet::new)));
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "frontdoor-dead-letters-replay");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<?> one : sent) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    throw new KafkaRefused("Kafka did not take a replayed record: "
                            + e.getCause().getClass().getSimpleName());
                }
            }
        }
        return records.size();
    }

    private void requireTopics(Map<String, Object> kafka, Set<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        // Only what the Kafka client config says, plus a bound: a missing topic must not hang the command.
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "frontdoor-dead-letters-replay");
        try (Admin admin = Admin.create(config)) {
            Set<String> missing = new TreeSet<>();
            for (var topic : admin.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    topic.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        // Usually TopicAuthorizationException: this principal may not write the topic.
                        throw new KafkaRefused("Kafka could not describe " + topic.getKey() + ": "
                                + e.getCause().getClass().getSimpleName());
                    }
                    missing.add(topic.getKey());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("no topic " + String.join(", ", missing) + ": nothing replayed."
                        + " Does the service read agency topics (--agency-from=topic, production) or the one shared"
                        + " topic with the agency header (--agency-from=header, the embedded default)?");
            }
        }
    }

    ProducerRecord<byte[], byte[]> record(Target target, String text, int number) {
        JsonNode line;
        try {
            line = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("line " + number + " is not a JSON object");
        }
        String agency = line.path("agency").asText(null);
        if (agency == null || agency.isBlank()) {
            throw new IllegalArgumentException("line " + number + " names no agency (the sender to replay as)");
        }
        if (target.agencyFrom() == AgencyFrom.TOPIC && !TOPIC_NAME.matcher(target.topicOf(agency)).matches()) {
            throw new IllegalArgumentException("line " + number + ": its agency cannot name a Kafka topic");
        }
        byte[] value;
        JsonNode submission = line.get("submission");
        if (submission != null && submission.isObject()) {
            value = text(submission).getBytes(StandardCharsets.UTF_8);
        } else if (line.hasNonNull("raw")) {
            value = line.get("raw").asText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw new IllegalArgumentException("line " + number + " has neither a submission nor raw");
        }
        // Keyed by submission id, as partners are asked to; the old key if the submission names none.
        String key = submission != null && submission.hasNonNull("submissionId")
                ? submission.get("submissionId").asText() : line.path("key").asText(null);
        var record = new ProducerRecord<>(target.topicOf(agency), key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value);
        if (target.agencyFrom() == AgencyFrom.HEADER) {
            // On its own topic the topic names the agency, and the service would not read a header there.
            record.headers().add(AGENCY_HEADER, agency.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The bytes as UTF-8; bytes that are not UTF-8 are kept as the replacement character. */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : text(header.value());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        for (String name : options.keySet()) {
            if (!List.of("kafka", "kafka-config", "dead-letter-topic", "topic", "agency-topic-prefix", "agency-from",
                    "out", "in").contains(name)) {
                throw new IllegalArgumentException("unknown setting --" + name);
            }
        }
        return options;
    }

    private static AgencyFrom agencyFrom(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "topic" -> AgencyFrom.TOPIC;
            case "header" -> AgencyFrom.HEADER;
            default -> throw new IllegalArgumentException("--agency-from must be topic or header");
        };
    }

    private static Map<String, Object> kafkaConfig(Map<String, String> options) throws IOException {
        Map<String, Object> config = new HashMap<>();
        if (options.containsKey("kafka-config")) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of(options.get("kafka-config")))) {
                properties.load(reader);
            }
            properties.forEach((name, value) -> config.put(name.toString(), value));
        }
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("kafka",
                (String) config.getOrDefault(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")));
        return config;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=FILE is required");
        }
        return value;
    }
}
