package uk.frontdoor.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import uk.frontdoor.intake.IntakeProperties;
import uk.frontdoor.intake.IntakeProperties.AgencyFrom;

import static org.assertj.core.api.Assertions.assertThat;

/** The prod profile takes a Kafka message's agency from its topic, and will not start told to trust a header. */
class KafkaAgencyFromTopicInProductionTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IntakeProperties.class)
    @Import(KafkaAgencyFromTopicInProduction.class)
    static class Intake {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Intake.class);

    @Test
    void the_prod_profile_reads_the_agency_from_its_topic() {
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(IntakeProperties.class).agencyFrom()).isEqualTo(AgencyFrom.TOPIC);
            assertThat(context.getBean(IntakeProperties.class).agencyTopicPrefix()).isEqualTo("frontdoor.contacts.");
        });
    }

    @Test
    void the_prod_profile_refuses_to_start_told_to_trust_the_header() {
        runner.withPropertyValues("spring.profiles.active=prod", "frontdoor.intake.agency-from=header")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("frontdoor.intake.agency-from=HEADER is for the embedded default only"));
    }

    @Test
    void the_embedded_default_keeps_the_header_on_one_shared_topic() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(IntakeProperties.class).agencyFrom()).isEqualTo(AgencyFrom.HEADER);
            assertThat(context.getBean(IntakeProperties.class).topic()).isEqualTo("contact-submissions");
        });
    }
}
