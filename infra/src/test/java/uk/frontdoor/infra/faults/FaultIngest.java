package uk.frontdoor.infra.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.frontdoor.infra.load.LoadMix;
import uk.frontdoor.infra.load.LoadMix.Submission;
import uk.frontdoor.infra.load.LoadSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One fault run's traffic, as partners' systems would send it, followed one submission at a time: the load
 * generator's mix of contacts ({@link LoadMix}, a share of them invalid), paced at a set rate, each sent over
 * Kafka or HTTP. A Kafka record counts as sent when the broker acknowledges it (acks=all, idempotent producer
 * that keeps retrying through a broker outage). An HTTP submission is retried, with the same id and body, until
 * it gets an answer below 500, as a partner does when its request dies with the service: the front door's
 * answer for a submission it already holds is {@code 202 alreadyReceived}.
 */
final class FaultIngest implements AutoCloseable {

    private static final ObjectMapper json = new ObjectMapper();
    /** The prod profile's frontdoor.intake.agency-topic-prefix. */
    static final String AGENCY_TOPIC_PREFIX = "frontdoor.contacts.";

    private final String runId;
    private final int count;
    private final double rate;
    private final URI service;
    private final LoadSettings settings;
    private final KafkaProducer<byte[], byte[]> producer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService httpSenders = Executors.newFixedThreadPool(8);
    private final Thread pacer;
    private final CountDownLatch finished;

    final Set<String> kafkaValid = ConcurrentHashMap.newKeySet();
    final Set<String> kafkaInvalid = ConcurrentHashMap.newKeySet();
    final Set<String> kafkaFailed = ConcurrentHashMap.newKeySet();
    final Set<String> httpValid = ConcurrentHashMap.newKeySet();
    final Set<String> httpInvalid = ConcurrentHashMap.newKeySet();
    /** HTTP submissions answered 202, and of those, the ones answered {@code alreadyReceived}. */
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final Set<String> alreadyReceived = ConcurrentHashMap.newKeySet();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final Set<String> httpFailed = ConcurrentHashMap.newKeySet();
    /** HTTP submissions that needed more than one try (no answer, or a 5xx), and the failed tries. */
    final Set<String> retried = ConcurrentHashMap.newKeySet();
    final LongAdder failedTries = new LongAdder();
    /** Every answer of 500 or above, as its status and whether it said when to try again (Retry-After). */
    final java.util.Queue<String> serverErrors = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** HTTP submissions whose request was on its way when the service was killed, and died with it. */
    final Set<String> cutOff = ConcurrentHashMap.newKeySet();
    private volatile long killedAt = Long.MAX_VALUE;
    final AtomicInteger dispatched = new AtomicInteger();

    FaultIngest(String runId, String bootstrap, URI service, int count, double rate, long seed) {
        this.runId = runId;
        this.count = count;
        this.rate = rate;
        this.service = service;
        // On the prod profile the service knows the sending agency by the topic: each agency has its own.
        this.settings = LoadSettings.parse("--run-id=" + runId, "--seed=" + seed, "--invalid-share=0.02",
                "--repeat-share=0.2", "--agency-topic-prefix=" + AGENCY_TOPIC_PREFIX);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                // Through a broker restart: records wait in the producer and are sent when it is back.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
                ProducerConfig.CLIENT_ID_CONFIG, "frontdoor-faults-" + runId),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.finished = new CountDownLatch(count);
        this.pacer = new Thread(this::send, "fault-ingest-" + runId);
        this.pacer.setDaemon(true);
    }

    /** This run's submission ids start with this (LoadMix names them {@code LOAD-<run>-<n>}). */
    String prefix() {
        return "LOAD-" + runId + "-";
    }

    int count() {
        return count;
    }

    FaultIngest start() {
        pacer.start();
        return this;
    }

    /** Waits until every submission has been acknowledged by Kafka or answered over HTTP (or given up on). */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Says the service is being killed now: HTTP tries started before this and left unanswered were cut off. */
    void killing() {
        killedAt = System.nanoTime();
    }

    long sent() {
        return kafkaValid.size() + kafkaInvalid.size() + accepted.size() + refused.size();
    }

    private void send() {
        LoadMix mix = new LoadMix(settings, Clock.systemUTC());
        Random channel = new Random(settings.seed() ^ 0x5DEECE66DL);
        long start = System.nanoTime();
        try {
            for (int i = 0; i < count; i++) {
                // Paced: the i-th submission is due i/rate seconds after the start.
                long wait = start + (long) (i * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Submission submission = mix.next(false);
                dispatched.incrementAndGet();
                if (channel.nextBoolean()) {
                    sendKafka(submission);
                } else {
                    httpSenders.execute(() -> sendHttp(submission));
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendKafka(Submission submission) {
        producer.send(settings.kafkaRecord(submission), (metadata, failure) -> {
            if (failure != null) {
                kafkaFailed.add(submission.submissionId());
            } else if (submission.valid()) {
                kafkaValid.add(submission.submissionId());
            } else {
                kafkaInvalid.add(submission.submissionId());
            }
            finished.countDown();
        });
    }

    private void sendHttp(Submission submission) {
        String id = submission.submissionId();
        (submission.valid() ? httpValid : httpInvalid).add(id);
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/api/v1/contacts"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + settings.agencies().get(submission.partner()).apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(submission.body()))
                .build();
        long giveUpAt = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try {
            while (true) {
                HttpResponse<String> answer = null;
                long triedAt = System.nanoTime();
                try {
                    answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException noAnswer) {
                    // The service died with the request, or is not listening yet: try again, as a partner would.
                    if (triedAt < killedAt && killedAt != Long.MAX_VALUE) {
                        cutOff.add(id);
                    }
                }
                if (answer != null && answer.statusCode() < 500) {
                    if (answer.statusCode() == 202) {
                        accepted.add(id);
                        if (json.readTree(answer.body()).path("alreadyReceived").asBoolean()) {
                            alreadyReceived.add(id);
                        }
                    } else {
                        refused.add(id);
                    }
                    return;
                }
                if (answer != null) {
                    serverErrors.add(answer.statusCode() + (answer.headers().firstValue("Retry-After").isPresent()
                            ? " with Retry-After" : " without Retry-After"));
                }
                retried.add(id);
                failedTries.increment();
                if (System.nanoTime() > giveUpAt) {
                    httpFailed.add(id);
                    return;
                }
                // A partner's back-off before the next try.
                TimeUnit.MILLISECONDS.sleep(250);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException unreadable) {
            httpFailed.add(id);
        } finally {
            finished.countDown();
        }
    }

    String summary() {
        return String.format("dispatched %d of %d; kafka: acknowledged %d valid + %d invalid, failed %d;"
                        + " http: 202 %d (%d of them alreadyReceived), 4xx %d, given up %d, retried %d (%d failed tries)",
                dispatched.get(), count, kafkaValid.size(), kafkaInvalid.size(), kafkaFailed.size(), accepted.size(),
                alreadyReceived.size(), refused.size(), httpFailed.size(), retried.size(), failedTries.sum());
    }

    @Override
    public void close() {
        pacer.interrupt();
        httpSenders.shutdownNow();
        producer.close(Duration.ofSeconds(10));
    }
}
