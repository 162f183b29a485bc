package uk.frontdoor.infra.axon;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import uk.frontdoor.intake.IntakeProperties;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection pool's default size (application.yml) covers every thread that holds a connection for a whole
 * transaction at once on one instance: the read models' processor workers (a batch each), the HTTP intake's group
 * committers, the Kafka listener's consumers, the deadline scheduler's threads and the notification outbox's sender.
 * With Hikari's default of 10 the processors' workers alone were 17: they queued for connections (124 s of waiting in
 * a 2-minute HTTP benchmark window, docs/benchmarks.md, "The HTTP intake's committer and the connection pool"), and a
 * processor added, or a thread count raised, must grow the pool with it.
 */
class ConnectionPoolSizeTest {

    @Test
    void the_pool_has_a_connection_for_each_thread_that_holds_one_through_a_transaction() throws IOException {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));

        // Every processor application.yml names, and its thread count (1 unless set).
        Map<String, Integer> processors = new TreeMap<>();
        Pattern setting = Pattern.compile("axon\\.eventhandling\\.processors\\.([^.]+)\\.(.+)");
        for (var source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> names) {
                for (String name : names.getPropertyNames()) {
                    Matcher matcher = setting.matcher(name);
                    if (matcher.matches()) {
                        processors.merge(matcher.group(1), matcher.group(2).equals("thread-count")
                                ? Integer.parseInt(String.valueOf(names.getProperty(name))) : 1,
                                (one, other) -> Math.max(one, other));
                    }
                }
            }
        }
        int workers = processors.values().stream().mapToInt(Integer::intValue).sum();
        int committers = binder.bindOrCreate("frontdoor.intake", IntakeProperties.class).groupCommit().committers();
        int consumers = binder.bind("frontdoor.intake.consumers", Integer.class).orElse(1);
        int deadlineThreads = binder.bindOrCreate("frontdoor.deadlines", DeadlineScheduling.DeadlineProperties.class)
                .threads();
        int outboxSender = 1;
        int pool = binder.bind("spring.datasource.hikari.maximum-pool-size", Integer.class).orElse(10);

        assertThat(processors).hasSizeGreaterThanOrEqualTo(9);
        assertThat(workers).isGreaterThanOrEqualTo(17);
        assertThat(pool).isGreaterThanOrEqualTo(workers + committers + consumers + deadlineThreads + outboxSender);
    }
}
