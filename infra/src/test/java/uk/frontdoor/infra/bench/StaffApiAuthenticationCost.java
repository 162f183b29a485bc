package uk.frontdoor.infra.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a staff API call costs with HTTP Basic: the triage queue's first page, fetched again and again by
 * one social worker, beside the floor measured in the same run (one bcrypt check of the demo password,
 * which every call paid before verified credentials were remembered). Run it once as configured and
 * once with {@code -Dfrontdoor.security.verified-credentials.time-to-live=0} (bcrypt on every call):
 *
 * <pre>./mvnw -o -q test -pl infra -am -Dtest=StaffApiAuthenticationCost -Dsurefire.failIfNoSpecifiedTests=false -Dfrontdoor.bench=true</pre>
 */
@EnabledIfSystemProperty(named = "frontdoor.bench", matches = "true")
class StaffApiAuthenticationCost extends IntegrationTestSupport {

    private static final int CONTACTS = 200;
    private static final int WARM_UP = 50;
    private static final int TIMED = 300;

    @Autowired
    private Environment environment;

    @Test
    void time_the_queue_api_with_basic_authentication() throws Exception {
        String last = null;
        for (int i = 0; i < CONTACTS; i++) {
            last = contactIdOf(postContact(POLICE_KEY, submission()));
        }
        awaitQueueItem(last);

        double[] calls = new double[TIMED];
        for (int i = 0; i < WARM_UP + TIMED; i++) {
            long start = System.nanoTime();
            assertThat(get("/api/v1/triage-queue?limit=25", staff("sw1")).statusCode()).isEqualTo(200);
            if (i >= WARM_UP) {
                calls[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String hash = bcrypt.encode("dev-password");
        double[] checks = new double[50];
        for (int i = 0; i < checks.length; i++) {
            long start = System.nanoTime();
            assertThat(bcrypt.matches("dev-password", hash)).isTrue();
            checks[i] = (System.nanoTime() - start) / 1e6;
        }
        String table = String.format("""
                        | staff API, %d calls, verified-credentials time-to-live %s | p50 ms | p95 ms | p99 ms |
                        |---|---|---|---|
                        | floor: one bcrypt check (cost 10), same run | %.1f | %.1f | %.1f |
                        | GET /api/v1/triage-queue?limit=25 as sw1 (HTTP Basic), %d rows in the queue | %.1f | %.1f | %.1f |
                        """, TIMED, environment.getProperty("frontdoor.security.verified-credentials.time-to-live", "5m"),
                percentile(checks, 50), percentile(checks, 95), percentile(checks, 99), queueRows(),
                percentile(calls, 50), percentile(calls, 95), percentile(calls, 99));
        System.out.println(table);
        Files.writeString(Path.of("target/staff-api-authentication.md"), table);
    }

    private long queueRows() {
        return jdbc.sql("SELECT count(*) FROM triage_queue").query(Long.class).single();
    }

    private static double percentile(double[] values, double percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
