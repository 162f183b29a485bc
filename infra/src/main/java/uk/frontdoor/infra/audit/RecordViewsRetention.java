package uk.frontdoor.infra.audit;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The record of who looked at a child's record is kept for a set period, then purged, once a day, on
 * whichever instance db-scheduler picks (one per cluster). The database itself refuses to purge views
 * less than a year old, and refuses any other change to the record (V28).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordViewsRetention.RetentionProperties.class)
class RecordViewsRetention {

    private static final Logger log = LoggerFactory.getLogger(RecordViewsRetention.class);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /**
     * @param keptFor how long a view is kept (at least a year; the council's records policy decides)
     * @param purgeAt when, each day in England, older views are purged
     */
    @ConfigurationProperties("frontdoor.audit.record-views")
    record RetentionProperties(@DefaultValue("P7Y") Period keptFor, @DefaultValue("03:00") LocalTime purgeAt) {

        RetentionProperties {
            if (keptFor.normalized().getYears() < 1 || keptFor.isNegative()) {
                throw new IllegalArgumentException("frontdoor.audit.record-views.kept-for must be at least a year (P1Y)");
            }
        }
    }

    @Bean
    RecurringTask<Void> purgeRecordViews(JdbcClient jdbc, Clock clock, RetentionProperties properties) {
        return Tasks.recurring("purge-record-views", Schedules.daily(ENGLAND, properties.purgeAt()))
                .execute((instance, context) -> purge(jdbc, clock, properties.keptFor()));
    }

    static long purge(JdbcClient jdbc, Clock clock, Period keptFor) {
        Instant cutOff = ZonedDateTime.ofInstant(clock.instant(), ENGLAND).minus(keptFor).toInstant();
        long purged = jdbc.sql("SELECT purge_record_views(?)").param(Timestamp.from(cutOff)).query(Long.class).single();
        log.info("Purged {} record views older than {}", purged, keptFor);
        return purged;
    }
}
