package uk.frontdoor.infra.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The persistent scheduler under Axon's deadline manager (and the daily purge of old record views):
 * db-scheduler, on the service's own PostgreSQL. With this bean present Axon's auto-configuration builds its db-scheduler deadline
 * manager and task on it.
 *
 * <p>Why it is safe: the data source is transaction-aware, so a deadline scheduled by a command is
 * written in the same transaction as the events that started its clock (both or neither); a
 * restart finds every deadline still in the table; and a deadline that runs twice (a crash between
 * handling it and db-scheduler marking it done) changes nothing, because the child's stream decides
 * whether a clock may still warn or breach. The scheduler tells the time by the service's
 * {@link Clock}, the same clock the domain uses.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineScheduling.DeadlineProperties.class)
class DeadlineScheduling {

    /**
     * @param pollingInterval how often due deadlines are looked for: a breach is recorded at most this late
     * @param threads         deadlines handled at once
     * @param shutdownMaxWait how long a shutdown waits for deadlines being handled
     */
    @ConfigurationProperties("frontdoor.deadlines")
    record DeadlineProperties(@DefaultValue("5s") Duration pollingInterval, @DefaultValue("4") int threads,
                              @DefaultValue("10s") Duration shutdownMaxWait) {
    }

    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock,
                                DeadlineProperties properties) {
        // Recurring tasks (the record of views' purge) are started, not only known, so each is scheduled once.
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task).toList();
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .clock(clock::instant)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .build();
    }

    /** Axon's db-scheduler deadline manager as its auto-configuration builds it, writing deadlines batched. */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                               @Qualifier("eventSerializer") Serializer serializer,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory) {
        return new BatchedDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false), scheduler, serializer);
    }

    /**
     * Deadlines are handled only once the whole application, Axon included, is running, and stop
     * being handled before it shuts down.
     */
    @Bean
    DeadlineSchedulerLifecycle deadlineSchedulerLifecycle(Scheduler scheduler) {
        return new DeadlineSchedulerLifecycle(scheduler);
    }

    static final class DeadlineSchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private volatile boolean running;

        DeadlineSchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @EventListener(ApplicationReadyEvent.class)
        public void onReady() {
            start();
        }

        @Override
        public boolean isAutoStartup() {
            return false;
        }

        @Override
        public synchronized void start() {
            if (!running) {
                scheduler.start();
                running = true;
            }
        }

        @Override
        public synchronized void stop() {
            if (running) {
                scheduler.stop();
                running = false;
            }
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** Stops early, before Axon and the database go. */
        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
