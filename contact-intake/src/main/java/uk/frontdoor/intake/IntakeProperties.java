package uk.frontdoor.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param topic             with {@link AgencyFrom#HEADER}, the one Kafka topic partner systems publish to
 * @param deadLetterTopic   where rejected messages go, with the original bytes and the reason in headers
 * @param maxSubmissionSize the largest body accepted, over HTTP or Kafka
 * @param agencyFrom        how a Kafka message's sending agency is known: {@link AgencyFrom#TOPIC} (the default,
 *                          and the prod profile's) or {@link AgencyFrom#HEADER} (the embedded default only)
 * @param agencyTopicPrefix with {@link AgencyFrom#TOPIC}, each agency publishes to {@code <prefix><agency code>}
 * @param agencyHeader      with {@link AgencyFrom#HEADER}, the Kafka header naming the sending agency
 * @param partitions        the partitions the service gives a topic when it creates it, shared out
 *                          among the instances; the listener's consumers on each instance are
 *                          {@code frontdoor.intake.consumers}: their batches run side by side where matching
 *                          could not join their contacts ({@code frontdoor.intake.reception-lock.*})
 * @param groupCommit       how contacts sent one per request (HTTP, staff) share transactions
 */
@ConfigurationProperties("frontdoor.intake")
public record IntakeProperties(
        @DefaultValue("contact-submissions") String topic,
        @DefaultValue("contact-submissions.dlq") String deadLetterTopic,
        @DefaultValue("512KB") DataSize maxSubmissionSize,
        @DefaultValue("TOPIC") AgencyFrom agencyFrom,
        @DefaultValue("frontdoor.contacts.") String agencyTopicPrefix,
        @DefaultValue("agency") String agencyHeader,
        @DefaultValue("4") int partitions,
        @DefaultValue GroupCommitSettings groupCommit) {

    /** Where the service learns which partner agency sent a Kafka message. */
    public enum AgencyFrom {
        /**
         * From the topic it was published to: each agency has its own topic, and the broker's ACLs let only that
         * agency's authenticated principal write to it. What production uses: a consumer cannot see who produced
         * a record, but it can trust where the broker let it be written.
         */
        TOPIC,
        /**
         * From a header of the message, on one shared topic: any producer can claim any agency. For the embedded
         * default and development only, where the in-process broker has no authentication.
         */
        HEADER
    }

    /**
     * @param maxContacts the most waiting contacts stored in one transaction; 1 stores each on its own
     *                    request thread
     * @param committers  transactions in flight at once, each gathering the contacts waiting when it starts;
     *                    two run side by side unless matching could join their contacts (they then take turns,
     *                    {@code frontdoor.intake.reception-lock.*}); with {@code reception-lock.mode=global} all
     *                    take turns, across instances, and a second committer only waits for the first
     */
    public record GroupCommitSettings(@DefaultValue("64") int maxContacts, @DefaultValue("1") int committers) {
    }
}
