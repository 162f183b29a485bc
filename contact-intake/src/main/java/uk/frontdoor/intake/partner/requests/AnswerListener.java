package uk.frontdoor.intake.partner.requests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.actions.StrategyActionsDone;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.staff.Refusal;
import uk.frontdoor.triage.api.staff.TriageRefusedException;
import uk.frontdoor.triage.api.value.AgencyCode;
import uk.frontdoor.triage.api.value.Channel;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Partners that integrate by Kafka answer their checks on their own answer topic ({@code frontdoor.answers.<code>}):
 * the topic says which agency answers (in production the broker lets only that agency write there), never the
 * message. An answer that cannot be taken (not JSON, no request id, no answer, a request not sent to the agency, a
 * second answer) goes to the dead-letter topic with the reason, as a refused contact does, and the rest carry on.
 * A message of {@code "type": "STRATEGY_ACTION_DONE"} records one of the agency's strategy discussion actions done,
 * as over HTTP, refused the same way.
 */
@Component
class AnswerListener {

    private final InformationRequests requests;
    private final StrategyActionsDone actions;
    private final AnswerTopics topics;
    private final ObjectMapper json;
    private final IntakeMetrics metrics;
    private final ConsumerAwareRecordRecoverer deadLetters;

    AnswerListener(InformationRequests requests, StrategyActionsDone actions, AnswerTopics topics, ObjectMapper json,
                   IntakeMetrics metrics, ConsumerAwareRecordRecoverer intakeDeadLetters) {
        this.requests = requests;
        this.actions = actions;
        this.topics = topics;
        // Strict: an unknown field is more likely a partner's mistake than something to ignore silently.
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.metrics = metrics;
        this.deadLetters = intakeDeadLetters;
    }

    @KafkaListener(id = "partner-answers", groupId = "${frontdoor.partner-requests.answer-group:frontdoor-partner-answers}",
            topics = "#{@answerTopics.names()}", autoStartup = "#{@answerTopics.any()}")
    void onAnswer(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer) {
        try {
            AgencyCode agency = topics.agencyOf(record.topic());
            if (actionDone(record)) {
                var done = readActionDone(record);
                actions.done(agency, done.actionId(), new StrategyActionsDone.Done(done.doneAt(), done.note(),
                        done.doneBy()), Channel.KAFKA);
                return;
            }
            var answer = read(record);
            requests.answer(agency, answer.requestId(),
                    new InformationRequests.Answer(answer.answer(), answer.information(), answer.reason()),
                    Channel.KAFKA);
        } catch (SubmissionRejectedException refused) {
            metrics.rejected(Channel.KAFKA, refused.reason().name());
            deadLetters.accept(record, consumer, refused);
        } catch (TriageRefusedException refused) {
            var rejection = rejection(refused);
            metrics.rejected(Channel.KAFKA, rejection.reason().name());
            deadLetters.accept(record, consumer, rejection);
        }
    }

    private InformationRequestMessages.KafkaAnswer read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            throw new SubmissionRejectedException(RejectionReason.MALFORMED_JSON,
                    List.of(new Violation("", "the message has no value")));
        }
        InformationRequestMessages.KafkaAnswer answer;
        try {
            answer = json.readValue(record.value(), InformationRequestMessages.KafkaAnswer.class);
        } catch (MismatchedInputException wrong) {
            String field = wrong.getPath().isEmpty() ? "" : wrong.getPath().get(0).getFieldName();
            throw new SubmissionRejectedException(RejectionReason.INVALID_ANSWER, List.of(new Violation(
                    field == null ? "" : field, wrong instanceof InvalidFormatException
                    ? "must be one of INFORMATION_FOUND, NONE_HELD, CANNOT_SHARE" : "is not allowed here")));
        } catch (IOException malformed) {
            throw new SubmissionRejectedException(RejectionReason.MALFORMED_JSON,
                    List.of(new Violation("", "is not JSON")));
        }
        if (answer != null && answer.type() != null && !answer.type().equals(InformationRequestMessages.ANSWER)) {
            throw new SubmissionRejectedException(RejectionReason.INVALID_ANSWER, List.of(new Violation("type",
                    "must be " + InformationRequestMessages.ANSWER + " (or absent) or "
                            + InformationRequestMessages.STRATEGY_ACTION_DONE)));
        }
        if (answer == null || answer.requestId() == null || answer.requestId().isBlank()) {
            throw new SubmissionRejectedException(RejectionReason.INVALID_ANSWER,
                    List.of(new Violation("requestId", "is required")));
        }
        return answer;
    }

    /** Whether the message is an action done: a JSON object of that type (anything else is read as an answer). */
    private boolean actionDone(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            return json.readTree(record.value()) instanceof com.fasterxml.jackson.databind.node.ObjectNode message
                    && InformationRequestMessages.STRATEGY_ACTION_DONE.equals(message.path("type").asText(null));
        } catch (IOException malformed) {
            return false;
        }
    }

    private InformationRequestMessages.KafkaActionDone readActionDone(ConsumerRecord<byte[], byte[]> record) {
        InformationRequestMessages.KafkaActionDone done;
        try {
            done = json.readValue(record.value(), InformationRequestMessages.KafkaActionDone.class);
        } catch (MismatchedInputException wrong) {
            String field = wrong.getPath().isEmpty() ? "" : wrong.getPath().get(0).getFieldName();
            throw new SubmissionRejectedException(RejectionReason.INVALID_ANSWER, List.of(new Violation(
                    field == null ? "" : field, wrong instanceof InvalidFormatException
                    ? "has the wrong format" : "is not allowed here")));
        } catch (IOException malformed) {
            throw new SubmissionRejectedException(RejectionReason.MALFORMED_JSON,
                    List.of(new Violation("", "is not JSON")));
        }
        List<Violation> violations = new java.util.ArrayList<>(StrategyActionsDone.violations(
                new StrategyActionsDone.Done(done.doneAt(), done.note(), done.doneBy())));
        if (done.actionId() == null || done.actionId().isBlank()) {
            violations.add(0, new Violation("actionId", "is required"));
        }
        if (!violations.isEmpty()) {
            throw new SubmissionRejectedException(RejectionReason.INVALID_ANSWER, violations);
        }
        return done;
    }

    /** The domain's refusal, told as a dead letter's reason and the field at fault. */
    private static SubmissionRejectedException rejection(TriageRefusedException refused) {
        Refusal refusal = refused.refusal();
        if (refusal == Refusal.UNKNOWN_ACTION) {
            return new SubmissionRejectedException(RejectionReason.UNKNOWN_REQUEST,
                    List.of(new Violation("actionId", "was not given to your agency")));
        }
        if (refusal == Refusal.ACTION_NOT_OPEN) {
            return new SubmissionRejectedException(RejectionReason.ALREADY_ANSWERED,
                    List.of(new Violation("actionId", "is already recorded done; the first record stands")));
        }
        if (refusal == Refusal.UNKNOWN_CHECK || refusal == Refusal.UNKNOWN_CONTACT) {
            return new SubmissionRejectedException(RejectionReason.UNKNOWN_REQUEST,
                    List.of(new Violation("requestId", "was not sent to your agency")));
        }
        if (refusal == Refusal.CHECK_ALREADY_ANSWERED) {
            return new SubmissionRejectedException(RejectionReason.ALREADY_ANSWERED,
                    List.of(new Violation("requestId", "is already answered; the first answer stands")));
        }
        return new SubmissionRejectedException(RejectionReason.INVALID_ANSWER, List.of(new Violation(
                refused.field() == null ? "" : refused.field(), refusal.title())));
    }

    /** The answer topics read: one for each agency that partner checks are sent to. */
    @Component("answerTopics")
    static class AnswerTopics {

        private final PartnerAgencies agencies;
        private final PartnerRequestProperties properties;

        AnswerTopics(PartnerAgencies agencies, PartnerRequestProperties properties) {
            this.agencies = agencies;
            this.properties = properties;
        }

        /**
         * Used by the listener's annotation. A container must name a topic even when no agency is sent partner
         * checks (no agency with a kind or {@code answers-for}): then it names the prefix alone and never starts.
         */
        public String[] names() {
            String[] names = answering().map(agency -> properties.answerTopicOf(agency.code())).toArray(String[]::new);
            return names.length > 0 ? names : new String[]{properties.answerTopicPrefix()};
        }

        /** Whether any agency answers partner checks, so the listener has topics to read. */
        public boolean any() {
            return answering().findAny().isPresent();
        }

        Stream<PartnerAgencies.Agency> answering() {
            return agencies.agencies().stream().filter(agency -> agency.partnerCheckAgency().isPresent());
        }

        AgencyCode agencyOf(String topic) {
            return answering().filter(agency -> properties.answerTopicOf(agency.code()).equals(topic)).findFirst()
                    .map(agency -> AgencyCode.of(agency.code()))
                    .orElseThrow(() -> new SubmissionRejectedException(RejectionReason.UNKNOWN_AGENCY,
                            List.of(new Violation("topic", "not a known partner agency's answer topic"))));
        }
    }

    /**
     * Every agency's reply topic (its contacts' outcomes, and its partner checks if it is sent any) and each
     * answering agency's answer topic, created where the service may create topics, each kept for
     * {@code frontdoor.partner-requests.kept-for}. The reply topics are compacted too: the service keys every message
     * there (a request id, a contact id), so the tombstone it publishes when a child is erased removes the child's
     * earlier messages ({@code ErasedChildTombstones}). The answer topics are keyed by the partners, so only age
     * removes their messages.
     */
    @Configuration
    static class Topics {
        @Bean
        KafkaAdmin.NewTopics partnerRequestTopics(PartnerAgencies agencies, AnswerTopics answerTopics,
                                                  PartnerRequestProperties properties) {
            String keptFor = String.valueOf(properties.keptFor().toMillis());
            return new KafkaAdmin.NewTopics(Stream.concat(
                            agencies.agencies().stream().map(agency -> TopicBuilder
                                    .name(properties.replyTopicOf(agency.code())).partitions(properties.partitions())
                                    .config(TopicConfig.RETENTION_MS_CONFIG, keptFor)
                                    .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + ","
                                            + TopicConfig.CLEANUP_POLICY_DELETE)
                                    .config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                                            String.valueOf(properties.compactAfter().toMillis()))
                                    .config(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG,
                                            String.valueOf(properties.erasedWithin().toMillis()))
                                    .build()),
                            answerTopics.answering().map(agency -> TopicBuilder
                                    .name(properties.answerTopicOf(agency.code())).partitions(properties.partitions())
                                    .config(TopicConfig.RETENTION_MS_CONFIG, keptFor)
                                    .build()))
                    .toArray(NewTopic[]::new));
        }
    }
}
