package uk.frontdoor.infra.load;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.frontdoor.infra.load.LoadMix.Submission;
import uk.frontdoor.infra.load.LoadSettings.Partner;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The front door's load generator: sends {@link LoadMix}'s realistic contacts at a set rate, with a
 * morning burst, over Kafka and HTTP as a partner's systems would, and prints a progress line while it
 * runs: sent, accepted, dead-lettered, refused, failed and the rate achieved. Run it as a command from the
 * service's own jar (see {@link LoadSettings#USAGE}); it starts nothing of the service.
 *
 * <p>What becomes of each contact is read from outside, as an operator would: HTTP answers; for Kafka the
 * dead-letter topic (this run's keys) and the instances' {@code frontdoor_contacts_received_total} metric,
 * counted from the start of the run, so that count is exact only while no other contacts arrive over Kafka
 * and no instance restarts.
 */
public final class LoadGenerator {

    private static final String RECEIVED_METRIC = "frontdoor_contacts_received_total{";

    private final LoadSettings settings;
    private final Clock clock;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LongAdder dispatched = new LongAdder();
    private final LongAdder sentKafka = new LongAdder();
    private final LongAdder sentHttp = new LongAdder();
    private final LongAdder invalidKafka = new LongAdder();
    private final LongAdder invalidHttp = new LongAdder();
    private final LongAdder acceptedHttp = new LongAdder();
    private final LongAdder refusedHttp = new LongAdder();
    private final LongAdder failedHttp = new LongAdder();
    private final LongAdder failedKafka = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private final LongAdder repeats = new LongAdder();
    private final LongAdder withoutNhsNumber = new LongAdder();
    private final Map<Partner, LongAdder> byPartner = new EnumMap<>(Partner.class);
    private final ConcurrentLinkedQueue<Long> httpNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong acceptedKafka = new AtomicLong(-1);
    private final Map<URI, Double> receivedAtStart = new ConcurrentHashMap<>();
    private final Map<URI, Double> receivedNow = new ConcurrentHashMap<>();

    public LoadGenerator(LoadSettings settings, Clock clock, PrintStream out) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        for (Partner partner : Partner.values()) {
            byPartner.put(partner, new LongAdder());
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(LoadSettings.USAGE);
            return;
        }
        LoadSettings settings;
        try {
            settings = LoadSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadSettings.USAGE);
            System.exit(2);
            return;
        }
        LoadReport report = new LoadGenerator(settings, Clock.systemUTC(), System.out).run();
        System.exit(report.asExpected() ? 0 : 1);
    }

    /** Sends the whole run, waits for the Kafka contacts to settle (up to the drain time) and reports. */
    public LoadReport run() throws InterruptedException {
        boolean kafka = !settings.kafkaBootstrap().isBlank() && (settings.kafkaShare() > 0 || settings.httpTargets().isEmpty());
        boolean overHttp = !settings.httpTargets().isEmpty() && (settings.kafkaShare() < 1 || !kafka);
        out.printf("Load run %s: %.0f contacts/s for %d s (burst %d s at %.1fx), %.0f%% over Kafka, %d contacts%n",
                settings.runId(), settings.rate(), settings.duration().toSeconds(), settings.burst().toSeconds(),
                settings.burstFactor(), 100 * (kafka ? (overHttp ? settings.kafkaShare() : 1) : 0), settings.total());
        settings.metricsTargets().forEach(target -> scrape(target).ifPresent(value -> receivedAtStart.put(target, value)));
        if (kafka && !settings.metricsTargets().isEmpty()) {
            acceptedKafka.set(0);
        }

        AtomicBoolean watching = new AtomicBoolean(true);
        KafkaProducer<byte[], byte[]> producer = kafka ? producer() : null;
        Thread deadLetters = kafka ? watchDeadLetters(watching) : null;
        Semaphore httpSlots = new Semaphore(settings.httpConcurrency());
        LoadMix mix = new LoadMix(settings, clock);
        java.util.Random channel = new java.util.Random(settings.seed() ^ 0x5DEECE66DL);
        int nextTarget = 0;

        long start = System.nanoTime();
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong lastSent = new AtomicLong();
        AtomicLong lastAt = new AtomicLong(start);
        long every = settings.progressEvery().toNanos();
        progress.scheduleAtFixedRate(() -> {
            readMetrics();
            long sent = sentKafka.sum() + sentHttp.sum();
            long now = System.nanoTime();
            // Over the time really elapsed since the last line: a busy machine runs the timer late.
            printProgress(now - start, (sent - lastSent.getAndSet(sent)) / Math.max(1e-3, (now - lastAt.getAndSet(now)) / 1e9));
        }, every, every, TimeUnit.NANOSECONDS);

        try {
            long total = settings.total();
            long count = 0;
            while (count < total) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                long due = settings.dueBy(elapsed);
                while (count < due) {
                    Submission submission = mix.next(elapsed.compareTo(settings.burst()) < 0);
                    count(submission);
                    boolean overKafka = kafka && (!overHttp || channel.nextDouble() < settings.kafkaShare());
                    if (overKafka) {
                        sendKafka(producer, submission);
                    } else {
                        URI target = settings.httpTargets().get(nextTarget++ % settings.httpTargets().size());
                        httpSlots.acquire();
                        sendHttp(target, submission, httpSlots);
                    }
                    count++;
                }
                if (count < total) {
                    // The next contact is due within a few milliseconds at any rate worth generating.
                    TimeUnit.MICROSECONDS.sleep(Math.max(100, (long) (1e6 / settings.rateAt(elapsed)) / 2));
                }
            }
            if (producer != null) {
                producer.flush();
            }
            httpSlots.acquire(settings.httpConcurrency());
            httpSlots.release(settings.httpConcurrency());
            Duration sendingTime = Duration.ofNanos(System.nanoTime() - start);

            boolean settled = drain(kafka);
            progress.shutdownNow();
            readMetrics();
            printProgress(System.nanoTime() - start, Double.NaN);
            LoadReport report = report(sendingTime, settled);
            out.println(report.summary());
            return report;
        } finally {
            progress.shutdownNow();
            watching.set(false);
            if (producer != null) {
                producer.close(Duration.ofSeconds(10));
            }
            if (deadLetters != null) {
                deadLetters.join(5_000);
            }
        }
    }

    private void count(Submission submission) {
        dispatched.increment();
        byPartner.get(submission.partner()).increment();
        if (submission.repeat()) {
            repeats.increment();
        }
        if (!submission.withNhsNumber()) {
            withoutNhsNumber.increment();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.CLIENT_ID_CONFIG, "frontdoor-load-" + settings.runId());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private void sendKafka(KafkaProducer<byte[], byte[]> producer, Submission submission) {
        var record = settings.kafkaRecord(submission);
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                failedKafka.increment();
            } else {
                sentKafka.increment();
                if (!submission.valid()) {
                    invalidKafka.increment();
                }
            }
        });
    }

    private void sendHttp(URI target, Submission submission, Semaphore slot) {
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/api/v1/contacts"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + settings.agencies().get(submission.partner()).apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(submission.body()))
                .build();
        long sentAt = System.nanoTime();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            try {
                httpNanos.add(System.nanoTime() - sentAt);
                sentHttp.increment();
                if (!submission.valid()) {
                    invalidHttp.increment();
                }
                if (failure != null || response.statusCode() >= 500) {
                    failedHttp.increment();
                } else if (response.statusCode() >= 400) {
                    refusedHttp.increment();
                } else {
                    acceptedHttp.increment();
                }
            } finally {
                slot.release();
            }
        });
    }

    /**
     * Counts this run's messages on the dead-letter topic, from its end as it was before the first send
     * (positions taken here, synchronously, so nothing dead-lettered by this run is missed).
     */
    private Thread watchDeadLetters(AtomicBoolean watching) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "frontdoor-load-dlq-" + settings.runId());
        var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> partitions = consumer.partitionsFor(settings.deadLetterTopic(), Duration.ofSeconds(30));
        if (partitions == null || partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("no dead-letter topic " + settings.deadLetterTopic()
                    + " at " + settings.kafkaBootstrap() + ": is the service running?");
        }
        List<TopicPartition> assigned = new ArrayList<>();
        partitions.forEach(p -> assigned.add(new TopicPartition(p.topic(), p.partition())));
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);
        byte[] prefix = ("LOAD-" + settings.runId() + "-").getBytes(StandardCharsets.UTF_8);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (watching.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (startsWith(record.key(), prefix)) {
                            deadLettered.increment();
                        }
                    }
                }
            }
        }, "load-dead-letters");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key == null || key.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Waits until every Kafka message sent is accepted or dead-lettered, at most the drain time. */
    private boolean drain(boolean kafka) throws InterruptedException {
        if (!kafka) {
            return true;
        }
        long deadline = System.nanoTime() + settings.drain().toNanos();
        while (true) {
            readMetrics();
            long expectedDead = invalidKafka.sum();
            boolean deadDone = deadLettered.sum() >= expectedDead;
            boolean acceptedDone = acceptedKafka.get() < 0 || acceptedKafka.get() >= sentKafka.sum() - expectedDead;
            if (deadDone && acceptedDone) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private synchronized void readMetrics() {
        if (acceptedKafka.get() < 0) {
            return;
        }
        for (URI target : settings.metricsTargets()) {
            // An instance that stops answering keeps the count it last gave.
            scrape(target).ifPresent(value -> receivedNow.put(target, value));
        }
        double received = 0;
        for (URI target : settings.metricsTargets()) {
            received += receivedNow.getOrDefault(target, 0.0) - receivedAtStart.getOrDefault(target, 0.0);
        }
        acceptedKafka.set(Math.round(received));
    }

    /** The instance's count of contacts received over Kafka, summed over referral sources. */
    private java.util.Optional<Double> scrape(URI target) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(target.resolve("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return java.util.Optional.empty();
            }
            double sum = 0;
            for (String line : answer.body().split("\n")) {
                if (line.startsWith(RECEIVED_METRIC) && line.contains("channel=\"kafka\"")) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return java.util.Optional.of(sum);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    private void printProgress(long elapsedNanos, double ratePerSecond) {
        long accepted = acceptedHttp.sum() + Math.max(0, acceptedKafka.get());
        out.printf("%6.1fs  sent %d (kafka %d, http %d)  accepted %s  dead-lettered %d  refused %d  failed %d  %s%n",
                elapsedNanos / 1e9, sentKafka.sum() + sentHttp.sum(), sentKafka.sum(), sentHttp.sum(),
                acceptedKafka.get() < 0 && sentKafka.sum() > 0 ? accepted + " (+kafka unknown)" : Long.toString(accepted),
                deadLettered.sum(), refusedHttp.sum(), failedHttp.sum() + failedKafka.sum(),
                Double.isNaN(ratePerSecond) ? "done"
                        : String.format("%.0f/s (target %.0f/s)", ratePerSecond,
                        settings.rateAt(Duration.ofNanos(elapsedNanos))));
    }

    private LoadReport report(Duration sendingTime, boolean settled) {
        Map<Partner, Long> partners = new EnumMap<>(Partner.class);
        byPartner.forEach((partner, count) -> partners.put(partner, count.sum()));
        long[] latencies = httpNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new LoadReport(sentKafka.sum(), sentHttp.sum(), invalidKafka.sum(), invalidHttp.sum(), acceptedHttp.sum(),
                refusedHttp.sum(), failedHttp.sum(), failedKafka.sum(), acceptedKafka.get(), deadLettered.sum(),
                partners, repeats.sum(), withoutNhsNumber.sum(), sendingTime, settled,
                percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    private static Duration percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)]);
    }
}
