package uk.frontdoor.infra.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * The connection pool (Hikari's own meters, {@code hikaricp.connections.*}) between two moments of a benchmark: how
 * many connections were taken, how long the takers waited for one in all and at most, and the pool's size.
 */
record ConnectionPoolFigures(long acquired, double acquireSeconds, double maxAcquireMillis, double size) {

    static ConnectionPoolFigures from(MeterRegistry meters) {
        Timer acquire = meters.find("hikaricp.connections.acquire").timer();
        var max = meters.find("hikaricp.connections.max").gauge();
        return new ConnectionPoolFigures(acquire == null ? 0 : acquire.count(),
                acquire == null ? 0 : acquire.totalTime(TimeUnit.SECONDS),
                acquire == null ? 0 : acquire.max(TimeUnit.MILLISECONDS), max == null ? 0 : max.value());
    }

    /** The figures since {@code before}, in words (the longest wait is the timer's recent maximum). */
    String since(ConnectionPoolFigures before) {
        long n = acquired - before.acquired;
        double waited = acquireSeconds - before.acquireSeconds;
        return String.format("connection pool of %.0f: %,d connections taken, %.2f s waited for them in all "
                        + "(%.3f ms a take), longest recent wait %.1f ms", size, n, waited,
                n == 0 ? 0 : 1000 * waited / n, maxAcquireMillis);
    }
}
