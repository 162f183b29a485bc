package uk.frontdoor.triage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a command failed because PostgreSQL could not be reached: no connection to be had in time (the
 * pool's bounded wait), or the connection cut under the transaction (the server stopped or restarting).
 * Such a failure is the same for a retry a moment later, so the command gateway does not retry it: the
 * caller is answered at once ({@code 503} with {@code Retry-After} over HTTP) and sends again.
 * Only the JDK's types are looked at, wherever they sit in the cause chain (Spring, Axon and the pool wrap
 * what the driver threw). Intake's group commit makes the same test ({@code uk.frontdoor.intake.DatabaseUnreachable}):
 * the modules share nothing but the published API, which knows no database.
 */
final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, never made) and 57P01-57P03 (the server shutting
     * down or not yet accepting connections).
     */
    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
