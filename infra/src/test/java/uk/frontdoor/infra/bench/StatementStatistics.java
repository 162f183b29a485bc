package uk.frontdoor.infra.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Locale;

/**
 * PostgreSQL's own time per statement during a benchmark, from {@code pg_stat_statements}: only when the
 * embedded server was started with it preloaded
 * ({@code -Dfrontdoor.embedded.postgres-settings.shared_preload_libraries=pg_stat_statements}), otherwise
 * nothing is measured and nothing reported.
 */
final class StatementStatistics {

    private final JdbcClient jdbc;
    private final boolean available;

    StatementStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.available = jdbc.sql("SELECT current_setting('shared_preload_libraries')").query(String.class).single()
                .contains("pg_stat_statements");
        if (available) {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
        }
    }

    void reset() {
        if (available) {
            jdbc.sql("SELECT pg_stat_statements_reset()").query(Object.class).list();
        }
    }

    /** The statements that took most of the database's time since {@link #reset}, per contact. */
    String top(int statements, int contacts) {
        if (!available) {
            return "";
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "PostgreSQL time by statement (pg_stat_statements), top %d: total ms, calls per contact, "
                        + "ms per call, rows per call%n", statements));
        jdbc.sql("SELECT total_exec_time, calls, rows, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                        + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        + "ORDER BY total_exec_time DESC LIMIT ?")
                .param(statements)
                .query(rs -> {
                    String query = rs.getString(4);
                    report.append(String.format(Locale.ROOT, "  %9.0f %7.2f %7.3f %7.1f  %s%n", rs.getDouble(1),
                            rs.getDouble(2) / contacts, rs.getDouble(1) / rs.getLong(2),
                            (double) rs.getLong(3) / rs.getLong(2),
                            query.length() > 160 ? query.substring(0, 160) + "..." : query));
                });
        return report.toString();
    }

    /**
     * Rows the tracking streams read from the event table by global index (Axon's {@code fetchTrackedEvents}: the
     * store's shared producer and every private stream of a processor), per event stored since {@link #reset}.
     */
    String trackingReads(long stored) {
        if (!available) {
            return "";
        }
        return jdbc.sql("SELECT coalesce(sum(calls), 0), coalesce(sum(rows), 0) FROM pg_stat_statements "
                        + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        + "AND query ILIKE '%FROM domainevententry%' AND query ILIKE '%globalindex >%'")
                .query((rs, row) -> String.format(Locale.ROOT,
                        "tracking reads of the event table: %,d statements, %,d rows, %.2f rows per stored event%n",
                        rs.getLong(1), rs.getLong(2), rs.getLong(2) / (double) stored))
                .single();
    }
}
