package uk.frontdoor.intake.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import uk.frontdoor.intake.ContactIntake;
import uk.frontdoor.intake.IntakeMetrics;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerPrincipal;
import uk.frontdoor.intake.submission.RejectionReason;
import uk.frontdoor.intake.submission.SubmissionRejectedException;
import uk.frontdoor.intake.submission.Violation;
import uk.frontdoor.triage.api.value.Channel;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Partner systems that speak Kafka publish the same JSON as the HTTP API. The listener returns
 * only once the contact is committed to its child's stream; the container then commits the offset
 * (ack mode RECORD). A crash in between redelivers the message, and the submission id makes the
 * redelivery a no-op. Refused messages are dead-lettered by {@link KafkaIntakeConfiguration}.
 */
@Component
class ContactSubmissionListener {

    private final ContactIntake intake;
    private final PartnerAgencies agencies;
    private final IntakeProperties properties;
    private final IntakeMetrics metrics;

    ContactSubmissionListener(ContactIntake intake, PartnerAgencies agencies, IntakeProperties properties,
                              IntakeMetrics metrics) {
        this.intake = intake;
        this.agencies = agencies;
        this.properties = properties;
        this.metrics = metrics;
    }

    @KafkaListener(id = "contact-submissions", idIsGroup = false, topics = "${frontdoor.intake.topic:contact-submissions}")
    void onSubmission(ConsumerRecord<byte[], byte[]> record) {
        PartnerPrincipal agency = agencyOf(record);
        if (record.value() == null) {
            reject(RejectionReason.MALFORMED_JSON, new Violation("", "the message has no value"));
        }
        intake.accept(agency.agency(), Channel.KAFKA, record.value());
    }

    private PartnerPrincipal agencyOf(ConsumerRecord<byte[], byte[]> record) {
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
