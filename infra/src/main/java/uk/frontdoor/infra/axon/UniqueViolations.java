package uk.frontdoor.infra.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Two appends to one child at the same sequence number (two instances, or two threads, handling commands
 * for that child at once) collide on the event table's unique key. Axon turns that into a
 * {@code ConcurrencyException}, which the command gateway retries on a fresh copy of the stream, only if
 * its resolver recognises the collision. The auto-configured one looks for
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws (it reports
 * SQLSTATE 23505), so every such collision failed the command. This one reads the SQLSTATE, also in a
 * batch's chained exceptions.
 */
@Configuration(proxyBeanMethods = false)
class UniqueViolations {

    /** PostgreSQL's {@code unique_violation}. */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return UniqueViolations::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isUniqueViolation(failure, seen);
    }

    private static boolean isUniqueViolation(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof SQLException sql) {
            if (UNIQUE_VIOLATION.equals(sql.getSQLState()) || isUniqueViolation(sql.getNextException(), seen)) {
                return true;
            }
        }
        return isUniqueViolation(failure.getCause(), seen);
    }
}
