package uk.frontdoor.intake.kafka;

import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is away, keep retrying" rather than "dead-letter after a few tries". */
class KafkaRetryClassificationTest {

    @Test
    void an_unavailable_database_anywhere_in_the_cause_chain_is_retried_until_it_returns() {
        assertThat(KafkaIntakeConfiguration.isUnavailable(new ListenerExecutionFailedException("listener",
                new CommandExecutionException("command", new CannotGetJdbcConnectionException("no connection"))))).isTrue();
        assertThat(KafkaIntakeConfiguration.isUnavailable(new CannotCreateTransactionException("no transaction"))).isTrue();
        assertThat(KafkaIntakeConfiguration.isUnavailable(new QueryTimeoutException("slow"))).isTrue();
    }

    @Test
    void other_failures_are_not_treated_as_an_outage() {
        assertThat(KafkaIntakeConfiguration.isUnavailable(new ListenerExecutionFailedException("listener",
                new IllegalStateException("bug")))).isFalse();
        assertThat(KafkaIntakeConfiguration.isUnavailable(new DataIntegrityViolationException("constraint"))).isFalse();
    }
}
