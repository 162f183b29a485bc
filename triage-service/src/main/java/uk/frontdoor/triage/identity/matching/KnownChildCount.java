package uk.frontdoor.triage.identity.matching;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many child records matching knows, for the prior (see {@code MatchParameters.priorFor}). Counted in
 * PostgreSQL at most once per {@code frontdoor.matching.known-children-refresh} (10 minutes by default), not
 * per contact: the count reads an index entry for every variant of every child (over a million at a
 * million children), while the register grows by a fraction of a percent a day, far less than would
 * move the prior. One contact in a refresh period pays for the count (its time at a million was not
 * measured on its own); contacts arriving meanwhile use the last count rather than wait.
 */
@Component
public class KnownChildCount {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration refresh;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile long count = -1;
    private volatile Instant countedAt = Instant.MIN;

    public KnownChildCount(JdbcClient jdbc, Clock clock,
                           @Value("${frontdoor.matching.known-children-refresh:PT10M}") Duration refresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The number of known child records, as counted within the last refresh period. */
    public long current() {
        if (count < 0 || !clock.instant().isBefore(countedAt.plus(refresh))) {
            if (count < 0) {
                counting.lock();
            } else if (!counting.tryLock()) {
                return count;
            }
            try {
                if (count < 0 || !clock.instant().isBefore(countedAt.plus(refresh))) {
                    recount();
                }
            } finally {
                counting.unlock();
            }
        }
        return count;
    }

    /** Counts now. */
    public long recount() {
        long counted = jdbc.sql("SELECT count(*) FROM (SELECT DISTINCT child_id FROM child_identity_variant) known")
                .query(Long.class).single();
        countedAt = clock.instant();
        count = counted;
        return counted;
    }
}
