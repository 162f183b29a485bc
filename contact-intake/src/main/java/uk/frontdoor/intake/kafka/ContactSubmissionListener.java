package uk.frontdoor.intake.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.IntakeProperties.AgencyFrom;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.command.ReceiveContact;
import uk.frontdoor.triage.api.value.Channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Partner systems that speak Kafka publish the same JSON as the HTTP API, each to its own topic
 * ({@link IntakeTopics}; the embedded default: one topic, the agency in a header). Each poll's records arrive
 * together, one consumer per partition, and their valid submissions are stored in one transaction, in
 * offset order; the listener returns only after it commits, and the container then commits the batch's
 * offsets (ack mode BATCH). A crash in between redelivers the batch, and the submission ids make the
 * redelivery a no-op.
 *
 * <p>A refused message (cannot be parsed, invalid, unknown agency) is dead-lettered here, after the
 * valid ones are stored, and costs the others nothing. If storing the batch fails, nothing of it is
 * stored and the records are taken again one at a time, in order; the first that fails alone is handed
 * to {@link KafkaIntakeConfiguration}'s error handler, which commits the offsets before it and retries it
 * (then dead-letters it, or waits for the database to come back), and the rest follow.
 */
@Component
class ContactSubmissionListener {

    private static final Logger log = LoggerFactory.getLogger(ContactSubmissionListener.class);

    private final ContactIntake intake;
    private final PartnerAgencies agencies;
    private final IntakeProperties properties;
    private final IntakeTopics topics;
    private final IntakeMetrics metrics;
    private final ConsumerAwareRecordRecoverer deadLetters;

    ContactSubmissionListener(ContactIntake intake, PartnerAgencies agencies, IntakeProperties properties,
                              IntakeTopics topics, IntakeMetrics metrics,
                              ConsumerAwareRecordRecoverer intakeDeadLetters) {
        this.intake = intake;
        this.agencies = agencies;
        this.properties = properties;
        this.topics = topics;
        this.metrics = metrics;
        this.deadLetters = intakeDeadLetters;
    }

    @KafkaListener(id = "contact-submissions", idIsGroup = false, batch = "true",
            topics = "#{@intakeTopics.listenedTo()}",
            concurrency = "${frontdoor.intake.consumers:1}")
    void onSubmissions(List<ConsumerRecord<byte[], byte[]>> records, Consumer<?, ?> consumer) {
        List<Read> read = new ArrayList<>(records.size());
        List<ReceiveContact> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Read one = read(record);
            read.add(one);
            if (one.contact() != null) {
                valid.add(one.contact());
            }
        }
        boolean stored;
        try {
            if (!valid.isEmpty()) {
                intake.storeAll(valid);
            }
            stored = true;
        } catch (RuntimeException batchFailed) {
            // The class only: a message could quote a submission.
            log.info("A batch of {} contacts was not stored ({}); storing them one at a time", valid.size(),
                    batchFailed.getClass().getSimpleName());
            stored = false;
        }
        for (int i = 0; i < read.size(); i++) {
            Read one = read.get(i);
            try {
                if (one.refusal() != null) {
                    deadLetters.accept(records.get(i), consumer, one.refusal());
                } else if (!stored) {
                    storeAlone(one.contact(), records.get(i), consumer);
                }
            } catch (RuntimeException failed) {
                // Everything before this record is stored or dead-lettered: the handler commits up to it.
                throw new BatchListenerFailedException("submission not stored", failed, i);
            }
        }
    }

    /** A contact refused only when stored (its submission id was used before for other content) is a dead letter too. */
    private void storeAlone(ReceiveContact contact, ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer) {
        try {
            intake.store(contact);
        } catch (SubmissionRejectedException refused) {
            deadLetters.accept(record, consumer, refused);
        }
    }

    /** A record read: the contact to store, or why it is refused. */
    private record Read(ReceiveContact contact, SubmissionRejectedException refusal) {
    }

    private Read read(ConsumerRecord<byte[], byte[]> record) {
        try {
            PartnerPrincipal agency = agencyOf(record);
            if (record.value() == null) {
                reject(RejectionReason.MALFORMED_JSON, new Violation("", "the message has no value"));
            }
            return new Read(new ReceiveContact(agency.agency(), Channel.KAFKA,
                    intake.read(agency.agency(), Channel.KAFKA, record.value())), null);
        } catch (SubmissionRejectedException refused) {
            return new Read(null, refused);
        }
    }

    /**
     * With a topic per agency, the topic says who sent it (the broker let only that agency write there) and any
     * agency header is ignored; otherwise the header says, as claimed.
     */
    private PartnerPrincipal agencyOf(ConsumerRecord<byte[], byte[]> record) {
        if (topics.agencyFrom() == AgencyFrom.TOPIC) {
            return topics.agencyOwning(record.topic()).orElseThrow(() -> rejection(RejectionReason.UNKNOWN_AGENCY,
                    new Violation("topic", "not a known partner agency's topic")));
        }
        Header header = record.headers().lastHeader(properties.agencyHeader());
        if (header == null || header.value() == null) {
            reject(RejectionReason.UNKNOWN_AGENCY,
                    new Violation("header:" + properties.agencyHeader(), "the sending agency is missing"));
        }
        return agencies.byCode(new String(header.value(), StandardCharsets.UTF_8))
                .orElseThrow(() -> rejection(RejectionReason.UNKNOWN_AGENCY,
                        new Violation("header:" + properties.agencyHeader(), "not a known partner agency")));
    }

    private void reject(RejectionReason reason, Violation violation) {
        throw rejection(reason, violation);
    }

    private SubmissionRejectedException rejection(RejectionReason reason, Violation violation) {
        metrics.rejected(Channel.KAFKA, reason.name());
        return new SubmissionRejectedException(reason, List.of(violation));
    }
}
