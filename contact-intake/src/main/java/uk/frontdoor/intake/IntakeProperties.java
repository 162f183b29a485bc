package uk.frontdoor.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param topic             the Kafka topic partner systems publish submissions to
 * @param deadLetterTopic   where rejected messages go, with the original bytes and the reason in headers
 * @param maxSubmissionSize the largest body accepted, over HTTP or Kafka
 * @param agencyHeader      the Kafka header naming the sending agency (embedded default; production
 *                          deployments map each agency's Kafka principal instead)
 */
@ConfigurationProperties("frontdoor.intake")
public record IntakeProperties(
        @DefaultValue("contact-submissions") String topic,
        @DefaultValue("contact-submissions.dlq") String deadLetterTopic,
        @DefaultValue("512KB") DataSize maxSubmissionSize,
        @DefaultValue("agency") String agencyHeader) {
}
