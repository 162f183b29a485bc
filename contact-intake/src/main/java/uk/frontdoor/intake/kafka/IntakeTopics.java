package uk.frontdoor.intake.kafka;

import org.springframework.stereotype.Component;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.IntakeProperties.AgencyFrom;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerPrincipal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topics the listener reads and, when each agency has its own ({@link AgencyFrom#TOPIC}), which agency a
 * topic belongs to. Only configured agencies' topics are read: a topic someone else created under the prefix is
 * never taken for an agency's.
 */
@Component("intakeTopics")
public class IntakeTopics {

    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final IntakeProperties properties;
    private final PartnerAgencies agencies;
    private final List<String> listenedTo;

    IntakeTopics(IntakeProperties properties, PartnerAgencies agencies) {
        this.properties = properties;
        this.agencies = agencies;
        this.listenedTo = properties.agencyFrom() == AgencyFrom.HEADER ? List.of(properties.topic())
                : agencies.agencies().stream().map(agency -> topicOf(agency.code())).toList();
        if (listenedTo.isEmpty()) {
            throw new IllegalStateException("frontdoor.intake.agency-from is TOPIC but no partner agency is configured "
                    + "(frontdoor.partners.agencies), so there is no Kafka topic to read");
        }
        for (String topic : listenedTo) {
            if (!TOPIC_NAME.matcher(topic).matches()) {
                throw new IllegalStateException("'" + topic + "' cannot be a Kafka topic name: agency codes in "
                        + "frontdoor.partners.agencies and frontdoor.intake.agency-topic-prefix may use letters, "
                        + "digits, '.', '_' and '-' only");
            }
        }
    }

    /** Used by the listener's annotation. */
    public String[] listenedTo() {
        return listenedTo.toArray(String[]::new);
    }

    List<String> topics() {
        return listenedTo;
    }

    AgencyFrom agencyFrom() {
        return properties.agencyFrom();
    }

    String topicOf(String agencyCode) {
        return properties.agencyTopicPrefix() + agencyCode;
    }

    /** The agency whose topic this is; empty for any other topic. */
    Optional<PartnerPrincipal> agencyOwning(String topic) {
        if (!topic.startsWith(properties.agencyTopicPrefix()) || !listenedTo.contains(topic)) {
            return Optional.empty();
        }
        return agencies.byCode(topic.substring(properties.agencyTopicPrefix().length()));
    }
}
