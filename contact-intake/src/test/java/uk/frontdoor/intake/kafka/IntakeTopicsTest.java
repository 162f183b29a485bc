package uk.frontdoor.intake.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.IntakeProperties.AgencyFrom;
import uk.frontdoor.intake.IntakeProperties.GroupCommitSettings;
import uk.frontdoor.intake.partner.PartnerAgencies;
import uk.frontdoor.intake.partner.PartnerPrincipal;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which topics the listener reads, and which agency a topic stands for. */
class IntakeTopicsTest {

    private static final PartnerAgencies AGENCIES = new PartnerAgencies(List.of(
            new PartnerAgencies.Agency("demo-police", "Demo Police", null, null, null),
            new PartnerAgencies.Agency("demo-school", "Demo School", null, null, null)));

    @Test
    void each_configured_agency_has_its_own_topic_and_the_topic_names_the_agency() {
        IntakeTopics topics = new IntakeTopics(properties(AgencyFrom.TOPIC), AGENCIES);

        assertThat(topics.listenedTo()).containsExactly("frontdoor.contacts.demo-police", "frontdoor.contacts.demo-school");
        assertThat(topics.agencyOwning("frontdoor.contacts.demo-school")).map(PartnerPrincipal::name).hasValue("Demo School");
    }

    @Test
    void a_topic_that_is_not_a_configured_agencys_names_no_agency() {
        IntakeTopics topics = new IntakeTopics(properties(AgencyFrom.TOPIC), AGENCIES);

        assertThat(topics.agencyOwning("frontdoor.contacts.demo-health")).isEmpty();
        assertThat(topics.agencyOwning("contact-submissions")).isEmpty();
        assertThat(topics.agencyOwning("demo-police")).isEmpty();
    }

    @Test
    void the_header_mode_reads_the_one_shared_topic() {
        assertThat(new IntakeTopics(properties(AgencyFrom.HEADER), AGENCIES).listenedTo())
                .containsExactly("contact-submissions");
    }

    @Test
    void an_agency_code_that_cannot_name_a_topic_or_no_agency_at_all_stops_the_start() {
        var badCode = new PartnerAgencies(List.of(new PartnerAgencies.Agency("demo police", "Demo Police", null, null, null)));
        assertThatThrownBy(() -> new IntakeTopics(properties(AgencyFrom.TOPIC), badCode))
                .hasMessageContaining("'frontdoor.contacts.demo police' cannot be a Kafka topic name");
        assertThatThrownBy(() -> new IntakeTopics(properties(AgencyFrom.TOPIC), new PartnerAgencies(List.of())))
                .hasMessageContaining("no partner agency is configured");
    }

    private static IntakeProperties properties(AgencyFrom from) {
        return new IntakeProperties("contact-submissions", "contact-submissions.dlq", DataSize.ofKilobytes(512), from,
                "frontdoor.contacts.", "agency", 4, new GroupCommitSettings(64, 2));
    }
}
