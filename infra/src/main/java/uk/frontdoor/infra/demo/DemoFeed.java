package uk.frontdoor.infra.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.IntakeProperties;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the embedded default alive: publishes a fictional partner contact to the submissions topic
 * every few seconds, exactly as a partner's system would, so the queue fills while you look at it.
 */
@Component
@Profile("embedded")
@ConditionalOnProperty(name = "frontdoor.demo-feed.enabled", havingValue = "true")
class DemoFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final ObjectMapper json;
    private final IntakeProperties intake;
    private final DemoFeedProperties properties;
    private final DemoContacts contacts;
    private ScheduledExecutorService scheduler;

    DemoFeed(KafkaTemplate<byte[], byte[]> kafka, ObjectMapper json, IntakeProperties intake,
             DemoFeedProperties properties, Clock clock) {
        this.kafka = kafka;
        this.json = json;
        this.intake = intake;
        this.properties = properties;
        this.contacts = new DemoContacts(properties.seed(), clock);
    }

    private void publishOne() {
        try {
            DemoContacts.Submission submission = contacts.next();
            boolean ownTopics = intake.agencyFrom() == IntakeProperties.AgencyFrom.TOPIC;
            var record = new ProducerRecord<byte[], byte[]>(
                    ownTopics ? intake.agencyTopicPrefix() + submission.agency() : intake.topic(),
                    // The key is the submission id: never anything about the child.
                    submission.body().get("submissionId").toString().getBytes(StandardCharsets.UTF_8),
                    json.writeValueAsBytes(submission.body()));
            if (!ownTopics) {
                record.headers().add(intake.agencyHeader(), submission.agency().getBytes(StandardCharsets.UTF_8));
            }
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Demo feed could not publish a contact: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "demo-feed"));
        long millis = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::publishOne, millis, millis, TimeUnit.MILLISECONDS);
        log.info("Demo feed publishing a partner contact every {}", properties.interval());
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
