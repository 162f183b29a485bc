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
 * @param partitions        the partitions the service gives the topic when it creates it, shared out
 *                          among the instances; the listener's consumers on each instance are
 *                          {@code frontdoor.intake.consumers} (1: receptions take turns anyway)
 * @param groupCommit       how contacts sent one per request (HTTP, staff) share transactions
 */
@ConfigurationProperties("frontdoor.intake")
public record IntakeProperties(
        @DefaultValue("contact-submissions") String topic,
        @DefaultValue("contact-submissions.dlq") String deadLetterTopic,
        @DefaultValue("512KB") DataSize maxSubmissionSize,
        @DefaultValue("agency") String agencyHeader,
        @DefaultValue("4") int partitions,
        @DefaultValue GroupCommitSettings groupCommit) {

    /**
     * @param maxContacts the most waiting contacts stored in one transaction; 1 stores each on its own
     *                    request thread
     * @param committers  transactions in flight at once, each gathering the contacts waiting when it starts
     */
    public record GroupCommitSettings(@DefaultValue("64") int maxContacts, @DefaultValue("2") int committers) {
    }
}
