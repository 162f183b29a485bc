package uk.frontdoor.intake.partner.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Partner information requests over Kafka, named like the contact topics ({@code frontdoor.contacts.<code>}).
 *
 * @param replyTopicPrefix  the service publishes to agency {@code <code>} on {@code <prefix><code>}: each partner
 *                          check sent to it, and (for contacts it sent) their outcome and feedback
 * @param answerTopicPrefix agency {@code <code>} answers its checks on {@code <prefix><code>}: the topic says which
 *                          agency answers, as the contact topics say which agency sent a contact
 * @param answerGroup       the consumer group reading the answer topics
 * @param partitions        the partitions the service gives these topics when it creates them
 */
@ConfigurationProperties("frontdoor.partner-requests")
public record PartnerRequestProperties(
        @DefaultValue("frontdoor.replies.") String replyTopicPrefix,
        @DefaultValue("frontdoor.answers.") String answerTopicPrefix,
        @DefaultValue("frontdoor-partner-answers") String answerGroup,
        @DefaultValue("1") int partitions) {

    public String replyTopicOf(String agencyCode) {
        return replyTopicPrefix + agencyCode;
    }

    public String answerTopicOf(String agencyCode) {
        return answerTopicPrefix + agencyCode;
    }
}
