package uk.frontdoor.infra.notify;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What operations see of the outbox, and its housekeeping:
 * <ul>
 *   <li>gauges {@code frontdoor.notifications.unsent}, {@code frontdoor.notifications.failing} (unsent rows that have
 *   failed at least once), {@code frontdoor.notifications.oldest.unsent.age} (seconds) and
 *   {@code frontdoor.notifications.given.up} (emails given up, waiting for an operator), read from the table (so every
 *   instance reports the cluster's backlog) at most once a second however often they are scraped;</li>
 *   <li>the health component {@code notificationOutbox} with the same figures, DOWN while an unsent email is older
 *   than {@code stale-after} (not part of readiness: an instance that cannot send mail still serves everything
 *   else); given-up emails are a detail, not DOWN: nothing the instance does will send them;</li>
 *   <li>sent rows pruned once they are older than {@code keep-sent-for}, every {@code prune-every}, on whichever
 *   instance db-scheduler picks.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class OutboxBacklog {

    private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    @Bean
    Backlogs outboxBacklogs(NotificationOutbox outbox, Clock clock, MeterRegistry meters) {
        Backlogs backlogs = new Backlogs(outbox, clock);
        Gauge.builder("frontdoor.notifications.unsent", backlogs, seen -> seen.latest().unsent())
                .description("Emails queued in the outbox and not yet sent")
                .register(meters);
        Gauge.builder("frontdoor.notifications.failing", backlogs, seen -> seen.latest().failing())
                .description("Unsent emails that have failed at least once and wait for a retry")
                .register(meters);
        Gauge.builder("frontdoor.notifications.oldest.unsent.age", backlogs,
                        seen -> seen.latest().oldestUnsentAge().toMillis() / 1_000.0)
                .description("How long the oldest unsent email has waited; 0 when none is waiting")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("frontdoor.notifications.given.up", backlogs, seen -> seen.latest().givenUp())
                .description("Emails given up (rejected by the mail server, or failing too long), waiting for an "
                        + "operator to retry them")
                .register(meters);
        return backlogs;
    }

    // Named so that Spring Boot calls the health component "notificationOutbox".
    @Bean("notificationOutboxHealthIndicator")
    AbstractHealthIndicator notificationOutboxHealth(Backlogs backlogs, NotificationProperties properties) {
        Duration staleAfter = properties.outbox().staleAfter();
        return new AbstractHealthIndicator("Notification outbox health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                NotificationOutbox.Backlog backlog = backlogs.latest();
                (backlog.oldestUnsentAge().compareTo(staleAfter) > 0 ? builder.down() : builder.up())
                        .withDetail("unsent", backlog.unsent())
                        .withDetail("failing", backlog.failing())
                        .withDetail("oldestUnsentAge", backlog.oldestUnsentAge().toString())
                        .withDetail("givenUp", backlog.givenUp());
            }
        };
    }

    @Bean
    RecurringTask<Void> pruneSentNotifications(NotificationOutbox outbox, NotificationProperties properties) {
        NotificationProperties.Outbox settings = properties.outbox();
        return Tasks.recurring("prune-sent-notifications", Schedules.fixedDelay(settings.pruneEvery()))
                .execute((instance, context) -> {
                    int pruned = outbox.pruneSent(settings.keepSentFor());
                    log.info("Pruned {} sent emails older than {} from the outbox", pruned, settings.keepSentFor());
                });
    }

    /** The outbox's backlog, read again when a second old. */
    static final class Backlogs {

        private final NotificationOutbox outbox;
        private final Clock clock;
        private Instant readAt = Instant.MIN;
        private NotificationOutbox.Backlog latest;

        Backlogs(NotificationOutbox outbox, Clock clock) {
            this.outbox = outbox;
            this.clock = clock;
        }

        synchronized NotificationOutbox.Backlog latest() {
            Instant now = clock.instant();
            if (latest == null || !readAt.plus(FRESH_FOR).isAfter(now)) {
                latest = outbox.backlog();
                readAt = now;
            }
            return latest;
        }
    }
}
