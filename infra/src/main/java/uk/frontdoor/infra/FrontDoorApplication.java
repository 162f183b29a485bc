package uk.frontdoor.infra;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The safeguarding front door: assembles intake, the children's streams, the rules and the read
 * models into one service. Axon's update checker is excluded: a safeguarding service makes no
 * calls its operators did not configure.
 */
@SpringBootApplication(scanBasePackages = "uk.frontdoor", exclude = UpdateCheckerAutoConfiguration.class)
@ConfigurationPropertiesScan("uk.frontdoor")
public class FrontDoorApplication {

    public static void main(String[] args) {
        SpringApplication.run(FrontDoorApplication.class, args);
    }

    /** The only clock in the service: the domain never reads the wall clock itself. To the microsecond. */
    @Bean
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
