package uk.frontdoor.infra.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.triage.retention.RetentionReview;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The retention schedule's nightly review ({@code frontdoor.retention.run-at}, England), on whichever instance
 * db-scheduler picks (one per cluster), with the service's clock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "frontdoor.retention.enabled", havingValue = "true", matchIfMissing = true)
class NightlyRetention {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Bean
    RecurringTask<Void> nightlyRetentionReview(RetentionReview review, Clock clock) {
        return Tasks.recurring("retention-review", Schedules.daily(ENGLAND, review.schedule().runAt()))
                .execute((instance, context) -> review.run(clock, "retention-schedule"));
    }
}
