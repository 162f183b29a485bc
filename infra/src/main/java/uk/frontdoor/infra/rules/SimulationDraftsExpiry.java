package uk.frontdoor.infra.rules;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.triage.rules.simulation.RuleSetSimulations;

import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

/**
 * A draft rule file uploaded to be simulated is a manager's working paper, not a record: its text is kept for a set
 * period after the simulation was asked for, then cleared once a day, on whichever instance db-scheduler picks (one per
 * cluster). The report, the file's name and its rule-set version stay.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulationDraftsExpiry.DraftProperties.class)
class SimulationDraftsExpiry {

    private static final Logger log = LoggerFactory.getLogger(SimulationDraftsExpiry.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /**
     * @param draftKeptFor how long a simulated draft's text is kept after the simulation was asked for
     * @param clearAt      when, each day in England, older drafts' text is cleared
     */
    @ConfigurationProperties("frontdoor.simulations")
    record DraftProperties(@DefaultValue("P90D") Period draftKeptFor, @DefaultValue("03:30") LocalTime clearAt) {

        DraftProperties {
            if (draftKeptFor.isNegative()) {
                throw new IllegalArgumentException("frontdoor.simulations.draft-kept-for must be a period of zero or more (P90D)");
            }
        }
    }

    @Bean
    RecurringTask<Void> clearSimulationDrafts(RuleSetSimulations simulations, DraftProperties properties) {
        return Tasks.recurring("clear-simulation-drafts", Schedules.daily(ENGLAND, properties.clearAt()))
                .execute((instance, context) -> {
                    int cleared = simulations.clearDraftsOlderThan(properties.draftKeptFor());
                    log.info("Cleared the text of {} simulated drafts older than {}", cleared, properties.draftKeptFor());
                });
    }
}
