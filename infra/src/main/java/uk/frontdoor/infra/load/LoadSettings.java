package uk.frontdoor.infra.load;

import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the load generator sends, how fast and where. Every setting has a default that works against the
 * embedded default service on this machine ({@code java -jar infra/target/frontdoor.jar}).
 *
 * @param kafkaBootstrap   Kafka bootstrap servers; empty sends everything over HTTP
 * @param httpTargets      the service instances' base addresses, used in turn; empty sends everything over Kafka
 * @param metricsTargets   instances whose {@code /actuator/prometheus} counts the contacts received over Kafka
 *                         (default: the HTTP targets); empty leaves "accepted over Kafka" unknown
 * @param rate             contacts per second outside the burst
 * @param duration         how long to send
 * @param kafkaShare       the share of contacts sent over Kafka (0 to 1), the rest over HTTP
 * @param burst            how long the morning burst lasts, at the start of the run (0: none)
 * @param burstFactor      the rate during the burst as a multiple of {@code rate}; the extra contacts are
 *                         police notifications (the night's incidents sent at the start of the day)
 * @param policeShare      shares of the mix outside the burst; health takes the rest
 * @param schoolShare      see {@code policeShare}
 * @param repeatShare      the share of contacts about a child already contacted about in this run
 * @param invalidShare     the share of submissions that break the contract (a wrong NHS check digit):
 *                         refused over HTTP, dead-lettered over Kafka
 * @param httpConcurrency  HTTP requests in flight at once at most
 * @param agencies         agency code and API key for each of police, school and health
 * @param topic            the submissions topic, where each message names its agency in the 'agency' header
 *                         (the embedded default's shared topic)
 * @param agencyTopicPrefix empty: send to {@code topic}; otherwise each agency's messages go to its own topic,
 *                         {@code <prefix><agency code>}, with no header (the prod profile's intake)
 * @param deadLetterTopic  its dead-letter topic
 * @param drain            how long to wait after sending for every Kafka message to be accepted or dead-lettered
 * @param progressEvery    how often a progress line is printed
 * @param runId            names this run's submissions ({@code LOAD-<runId>-<n>}); random by default
 * @param seed             the random mix's seed
 */
public record LoadSettings(String kafkaBootstrap, List<URI> httpTargets, List<URI> metricsTargets,
                           double rate, Duration duration, double kafkaShare, Duration burst, double burstFactor,
                           double policeShare, double schoolShare, double repeatShare, double invalidShare,
                           int httpConcurrency, Map<Partner, Agency> agencies, String topic, String agencyTopicPrefix,
                           String deadLetterTopic,
                           Duration drain, Duration progressEvery, String runId, long seed) {

    /** The three kinds of partner in the mix. */
    public enum Partner { POLICE, SCHOOL, HEALTH }

    /** A partner agency as the front door knows it: its code (its Kafka topic or header) and its API key (HTTP). */
    public record Agency(String code, String apiKey) {
    }

    public LoadSettings {
        httpTargets = List.copyOf(httpTargets);
        metricsTargets = List.copyOf(metricsTargets);
        agencies = Map.copyOf(agencies);
        require(rate > 0, "rate must be above 0");
        require(!duration.isNegative() && !duration.isZero(), "duration must be above 0");
        require(kafkaShare >= 0 && kafkaShare <= 1, "kafka-share must be between 0 and 1");
        require(!burst.isNegative() && burst.compareTo(duration) <= 0, "burst must be between 0 and the duration");
        require(burstFactor >= 1, "burst-factor must be at least 1");
        require(policeShare >= 0 && schoolShare >= 0 && policeShare + schoolShare <= 1,
                "police-share and school-share must be 0 or more and together at most 1");
        require(repeatShare >= 0 && repeatShare <= 1, "repeat-share must be between 0 and 1");
        require(invalidShare >= 0 && invalidShare <= 1, "invalid-share must be between 0 and 1");
        require(httpConcurrency > 0, "http-concurrency must be above 0");
        require(!kafkaBootstrap.isBlank() || !httpTargets.isEmpty(), "give kafka or http targets (or both)");
        require(!runId.matches(".*[^A-Za-z0-9-].*") && !runId.isEmpty(), "run-id: letters, digits and '-' only");
        for (Partner partner : Partner.values()) {
            require(agencies.containsKey(partner), "no agency for " + partner);
        }
    }

    /** Where an agency's Kafka messages go. */
    public String topicOf(Agency agency) {
        return agencyTopicPrefix.isEmpty() ? topic : agencyTopicPrefix + agency.code();
    }

    /**
     * The Kafka record a partner's system sends for this submission: on its agency's own topic with no header
     * (the prod profile reads the agency from the topic), or on the shared topic naming the agency in the
     * 'agency' header (the embedded default). Keyed by the submission id, as partners are asked to: never
     * anything about the child.
     */
    public ProducerRecord<byte[], byte[]> kafkaRecord(LoadMix.Submission submission) {
        Agency agency = agencies.get(submission.partner());
        var record = new ProducerRecord<>(topicOf(agency), submission.submissionId().getBytes(StandardCharsets.UTF_8),
                submission.body());
        if (agencyTopicPrefix.isEmpty()) {
            record.headers().add("agency", agency.code().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static final String USAGE = """
            The front door's load generator: a realistic mix of partner contacts over Kafka and HTTP.

            infra/load-generator.sh [--setting=value ...]     (or, the same:)
            java -cp infra/target/frontdoor.jar -Dloader.main=uk.frontdoor.infra.load.LoadGenerator \\
                 org.springframework.boot.loader.launch.PropertiesLauncher [--setting=value ...]

              --kafka=localhost:9092            Kafka bootstrap servers ('' for HTTP only)
              --http=http://localhost:8080      service instances, comma-separated, used in turn ('' for Kafka only)
              --metrics=<as --http>             instances whose /actuator/prometheus counts Kafka contacts received
              --rate=100                        contacts per second outside the burst
              --duration=60s                    how long to send (s, m or ISO-8601 such as PT2M)
              --kafka-share=0.7                 share sent over Kafka, the rest over HTTP
              --burst=10s --burst-factor=3      the morning burst at the start: 3 times the rate, the extra all police
              --police-share=0.5 --school-share=0.3   the mix outside the burst; health takes the rest
              --repeat-share=0.35               share of contacts about a child already contacted about in the run
              --invalid-share=0                 share that break the contract (a wrong NHS check digit)
              --http-concurrency=16             HTTP requests in flight at most
              --police-agency=demo-police --police-key=dev-key-police   (also school-, health-)
              --topic=contact-submissions --dead-letter-topic=contact-submissions.dlq
              --agency-topic-prefix=            e.g. frontdoor.contacts.: each agency to its own topic (prod profile)
              --drain=30s                       after sending, how long to wait for Kafka contacts to settle
              --progress=1s                     how often a progress line is printed
              --run-id=<random>                 submissions are named LOAD-<run-id>-<n>
              --seed=<random>                   the mix's random seed
            """;

    /** Reads {@code --name=value} arguments over the defaults; an unknown name is an error. */
    public static LoadSettings parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Values values = new Values(given);
        List<URI> http = values.uris("http", "http://localhost:8080");
        LoadSettings settings = new LoadSettings(
                values.text("kafka", "localhost:9092"), http, values.uris("metrics", joined(http)),
                values.number("rate", 100), values.duration("duration", "60s"), values.number("kafka-share", 0.7),
                values.duration("burst", "10s"), values.number("burst-factor", 3),
                values.number("police-share", 0.5), values.number("school-share", 0.3),
                values.number("repeat-share", 0.35), values.number("invalid-share", 0),
                (int) values.number("http-concurrency", 16),
                Map.of(Partner.POLICE, values.agency("police"), Partner.SCHOOL, values.agency("school"),
                        Partner.HEALTH, values.agency("health")),
                values.text("topic", "contact-submissions"), values.text("agency-topic-prefix", ""),
                values.text("dead-letter-topic", "contact-submissions.dlq"),
                values.duration("drain", "30s"), values.duration("progress", "1s"),
                values.text("run-id", UUID.randomUUID().toString().substring(0, 8)),
                (long) values.number("seed", System.nanoTime()));
        values.requireAllUsed();
        return settings;
    }

    private static String joined(List<URI> uris) {
        return String.join(",", uris.stream().map(URI::toString).toList());
    }

    /** The rate at this point of the run, contacts per second. */
    double rateAt(Duration elapsed) {
        return elapsed.compareTo(burst) < 0 ? rate * burstFactor : rate;
    }

    /** How many contacts should have been sent by this point of the run. */
    long dueBy(Duration elapsed) {
        double seconds = Math.min(elapsed.toNanos(), duration.toNanos()) / 1e9;
        double burstSeconds = Math.min(seconds, burst.toNanos() / 1e9);
        return (long) Math.floor(rate * burstFactor * burstSeconds + rate * (seconds - burstSeconds));
    }

    /** How many contacts the whole run sends. */
    long total() {
        return dueBy(duration);
    }

    private static final class Values {
        private final Map<String, String> given;
        private final List<String> used = new ArrayList<>();

        Values(Map<String, String> given) {
            this.given = given;
        }

        String text(String name, String fallback) {
            used.add(name);
            return given.getOrDefault(name, fallback).trim();
        }

        double number(String name, double fallback) {
            String value = text(name, Double.toString(fallback));
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number");
            }
        }

        Duration duration(String name, String fallback) {
            String value = text(name, fallback).toLowerCase();
            try {
                if (value.startsWith("p")) {
                    return Duration.parse(value.toUpperCase());
                }
                if (value.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
                }
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                return switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new IllegalArgumentException(name + ": give s, m, h or ms");
                };
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " must be a duration such as 30s, 5m or PT1M");
            }
        }

        List<URI> uris(String name, String fallback) {
            List<URI> uris = new ArrayList<>();
            for (String part : text(name, fallback).split(",")) {
                if (!part.isBlank()) {
                    String address = part.trim();
                    uris.add(URI.create(address.endsWith("/") ? address.substring(0, address.length() - 1) : address));
                }
            }
            return uris;
        }

        Agency agency(String partner) {
            return new Agency(text(partner + "-agency", "demo-" + partner), text(partner + "-key", "dev-key-" + partner));
        }

        void requireAllUsed() {
            for (String name : given.keySet()) {
                if (!used.contains(name)) {
                    throw new IllegalArgumentException("unknown setting --" + name);
                }
            }
        }
    }
}
