package uk.frontdoor.infra.axon;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** How the PostgreSQL driver reports a duplicate key on a batched insert, and what is not one. */
class UniqueViolationsTest {

    @Test
    void a_unique_violation_is_recognised_wherever_the_driver_puts_it() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        BatchUpdateException chained = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        chained.setNextException(duplicate);

        assertThat(UniqueViolations.isUniqueViolation(new RuntimeException(batch))).isTrue();
        assertThat(UniqueViolations.isUniqueViolation(new RuntimeException(chained))).isTrue();
        assertThat(UniqueViolations.isUniqueViolation(new IllegalStateException(new RuntimeException(duplicate)))).isTrue();
    }

    @Test
    void other_failures_are_not_collisions() {
        assertThat(UniqueViolations.isUniqueViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(UniqueViolations.isUniqueViolation(new SQLException("not null", "23502"))).isFalse();
        assertThat(UniqueViolations.isUniqueViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
