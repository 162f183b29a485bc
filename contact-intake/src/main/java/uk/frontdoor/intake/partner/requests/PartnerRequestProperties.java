package uk.frontdoor.intake.partner.requests;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Partner information requests over Kafka, named like the contact topics ({@code frontdoor.contacts.<code>}).
 *
 * @param replyTopicPrefix  the service publishes to agency {@code <code>} on {@code <prefix><code>}: each partner
 *                          check sent to it, and (for contacts it sent) their outcome and feedback
 * @param answerTopicPrefix agency {@code <code>} answers its checks on {@code <prefix><code>}: the topic says which
 *                          agency answers, as the contact topics say which agency sent a contact
 * @param answerGroup       the consumer group reading the answer topics
 * @param partitions        the partitions the service gives these topics when it creates them
 * @param unknownRequestWait how long an answer to a request the read model does not know (yet) waits for it to
 *                          catch up before it is refused as unknown: a partner can answer a request delivered on
 *                          Kafka before the read model of requests has it
 * @param keptFor           how long the reply and answer topics keep a message ({@code retention.ms}, set when the
 *                          service creates them): a partner check carries the child's details the partner searches
 *                          with, and an answer what the partner holds; erasure reaches the reply topics' messages
 *                          only through compaction ({@code erasedWithin}) and the answer topics' not at all; the
 *                          period must outlast a partner's reading (it checks its topic at
 *                          least daily) and a manager's look at an answer
 * @param compactAfter      the reply topics are compacted as well as deleted by age ({@code cleanup.policy=
 *                          compact,delete}), so that the tombstone erasure publishes for a request or contact removes
 *                          the messages before it: no message is compacted away sooner than this after it was
 *                          written ({@code min.compaction.lag.ms}), time for a partner reading daily to have it even
 *                          when a later message has the same key (a contact's feedback after its outcome)
 * @param erasedWithin      and an erased child's messages are compacted away at the latest this long after the
 *                          tombstone ({@code max.compaction.lag.ms}, which also rolls the segment being written)
 */
@ConfigurationProperties("frontdoor.partner-requests")
public record PartnerRequestProperties(
        @DefaultValue("frontdoor.replies.") String replyTopicPrefix,
        @DefaultValue("frontdoor.answers.") String answerTopicPrefix,
        @DefaultValue("frontdoor-partner-answers") String answerGroup,
        @DefaultValue("1") int partitions,
        @DefaultValue("3s") Duration unknownRequestWait,
        @DefaultValue("P14D") Duration keptFor,
        @DefaultValue("P1D") Duration compactAfter,
        @DefaultValue("P2D") Duration erasedWithin) {

    public PartnerRequestProperties {
        if (keptFor.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("frontdoor.partner-requests.kept-for must be at least a day (P1D): "
                    + "time for a partner to read its checks");
        }
        if (compactAfter.isNegative() || erasedWithin.compareTo(compactAfter) < 0 || erasedWithin.compareTo(keptFor) > 0) {
            throw new IllegalArgumentException("frontdoor.partner-requests: compact-after must be no longer than "
                    + "erased-within, and erased-within no longer than kept-for (after which every message goes)");
        }
    }

    public String replyTopicOf(String agencyCode) {
        return replyTopicPrefix + agencyCode;
    }

    public String answerTopicOf(String agencyCode) {
        return answerTopicPrefix + agencyCode;
    }
}
