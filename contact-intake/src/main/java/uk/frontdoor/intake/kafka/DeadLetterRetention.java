package uk.frontdoor.intake.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the dead-letter topic keeps a refused submission (its {@code retention.ms}, set when the service creates
 * the topic). A dead letter holds a partner's original bytes, personal data included, and never became part of a
 * child's record, so no erasure of a record finds it: the retention period is what removes it, after the time the
 * partner and the front door need to correct and replay it.
 *
 * @param keptFor {@code frontdoor.intake.dead-letters.kept-for}, at least a day
 */
@ConfigurationProperties("frontdoor.intake.dead-letters")
public record DeadLetterRetention(@DefaultValue("P30D") Duration keptFor) {

    public DeadLetterRetention {
        if (keptFor.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("frontdoor.intake.dead-letters.kept-for must be at least a day (P1D): "
                    + "time to export and correct a refused submission");
        }
    }
}
