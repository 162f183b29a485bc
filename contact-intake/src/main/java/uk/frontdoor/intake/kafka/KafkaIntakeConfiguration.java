package uk.frontdoor.intake.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.common.AxonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.triage.api.value.Channel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What happens to a message the listener could not take:
 * <ul>
 *     <li>refused (cannot be parsed, invalid, unknown agency): straight to the dead-letter topic
 *     with the original bytes and the reason, and the consumer carries on;</li>
 *     <li>the database or event store is unavailable: retried every few seconds for as long as it
 *     takes, since the message is fine and dead-lettering it would only mean replaying it later;</li>
 *     <li>anything else: a few retries, then the dead-letter topic, so one bad message never
 *     blocks the partners behind it.</li>
 * </ul>
 * Exception messages and stack traces are left out of dead-letter headers: they can quote the
 * submission, which is a child's personal data.
 */
@Configuration
class KafkaIntakeConfiguration {

    static final String REASON_HEADER = "frontdoor-rejection-reason";
    static final String VIOLATIONS_HEADER = "frontdoor-rejection-violations";
    static final String PROCESSING_FAILED = "PROCESSING_FAILED";

    private static final Logger log = LoggerFactory.getLogger(KafkaIntakeConfiguration.class);

    /**
     * The topics read (one per agency, or the one shared topic), created with this many partitions when missing;
     * an existing topic keeps its own, or is given more if it has fewer. Where the broker's ACLs do not let the
     * service create topics, the platform creates them (infra/kafka-secure does).
     */
    @Bean
    KafkaAdmin.NewTopics contactSubmissionsTopics(IntakeTopics topics, IntakeProperties properties) {
        return new KafkaAdmin.NewTopics(topics.topics().stream()
                .map(topic -> TopicBuilder.name(topic).partitions(properties.partitions()).build())
                .toArray(NewTopic[]::new));
    }

    /**
     * Kept for {@code frontdoor.intake.dead-letters.kept-for} (30 days by default), then deleted by the broker: a
     * dead letter is a partner's submission, personal data and all. Set when the service creates the topic; an
     * existing topic keeps its own setting (README: Data protection).
     */
    @Bean
    NewTopic contactSubmissionsDeadLetterTopic(IntakeProperties properties, DeadLetterRetention retention) {
        return TopicBuilder.name(properties.deadLetterTopic()).partitions(1)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(retention.keptFor().toMillis()))
                .build();
    }

    /**
     * The one way a message reaches the dead-letter topic, whether the listener refused it itself or the
     * error handler gave up on it: the original bytes, the reason, no exception text.
     */
    @Bean
    ConsumerAwareRecordRecoverer intakeDeadLetters(KafkaOperations<byte[], byte[]> kafka, IntakeProperties properties,
                                              ObjectMapper json, IntakeMetrics metrics) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(properties.deadLetterTopic(), -1));
        recoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        recoverer.addHeadersFunction((record, failure) -> reasonHeaders(failure, json));
        recoverer.setFailIfSendResultIsError(true);
        return (record, consumer, failure) -> {
            String reason = reasonOf(failure);
            log.warn("Dead-lettering submission from {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), reason);
            if (PROCESSING_FAILED.equals(reason)) {
                // Refusals were counted where they were decided; a processing failure is counted here.
                metrics.rejected(Channel.KAFKA, reason);
            }
            recoverer.accept(record, consumer, failure);
        };
    }

    /**
     * For the failures the batch listener hands back, one record at a time
     * ({@link org.springframework.kafka.listener.BatchListenerFailedException}): the offsets before it are
     * committed, and it is retried and then dead-lettered, or retried until the database is back.
     * Four retries, the first after {@code frontdoor.intake.retries.first-back-off} (2 s), each wait half as long
     * again as the one before (about 16 s in all by default); the tests shorten the first wait.
     */
    @Bean
    DefaultErrorHandler intakeErrorHandler(ConsumerAwareRecordRecoverer intakeDeadLetters,
                                           @Value("${frontdoor.intake.retries.first-back-off:2s}") Duration firstBackOff) {
        var backOff = new ExponentialBackOffWithMaxRetries(4);
        backOff.setInitialInterval(firstBackOff.toMillis());
        var handler = new DefaultErrorHandler(intakeDeadLetters, backOff);
        handler.addNotRetryableExceptions(SubmissionRejectedException.class);
        handler.setBackOffFunction((record, failure) -> isUnavailable(failure) ? untilAvailable() : null);
        return handler;
    }

    private static BackOff untilAvailable() {
        return new FixedBackOff(5_000, FixedBackOff.UNLIMITED_ATTEMPTS);
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }

    private static Headers reasonHeaders(Exception failure, ObjectMapper json) {
        var headers = new RecordHeaders();
        headers.add(REASON_HEADER, reasonOf(failure).getBytes(StandardCharsets.UTF_8));
        SubmissionRejectedException rejected = rejectionIn(failure);
        if (rejected != null) {
            List<Map<String, String>> violations = rejected.violations().stream()
                    .map(v -> Map.of("field", v.field(), "problem", v.problem()))
                    .toList();
            try {
                headers.add(VIOLATIONS_HEADER, json.writeValueAsBytes(violations));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("violations are plain strings and always serialise", e);
            }
        }
        return headers;
    }

    static String reasonOf(Exception failure) {
        SubmissionRejectedException rejected = rejectionIn(failure);
        return rejected != null ? rejected.reason().name() : PROCESSING_FAILED;
    }

    private static SubmissionRejectedException rejectionIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SubmissionRejectedException rejected) {
                return rejected;
            }
        }
        return null;
    }
}
