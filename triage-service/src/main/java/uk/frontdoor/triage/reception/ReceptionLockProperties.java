package uk.frontdoor.triage.reception;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reception transactions keep out of each other's way ({@code frontdoor.intake.reception-lock.*}).
 *
 * @param mode    {@link Mode#KEYS} (the default): each transaction locks only what matching could join, so that
 *                transactions about unrelated children run side by side; {@link Mode#GLOBAL}: one reception at a
 *                time across every instance, as before
 * @param maxKeys the most keys a transaction locks one by one (about a dozen a contact); a transaction with more
 *                receives alone instead, so that the database's lock table (PostgreSQL's
 *                {@code max_locks_per_transaction} times its connections, about 6,400 by default) is never
 *                exhausted by large batches side by side
 */
@ConfigurationProperties("frontdoor.intake.reception-lock")
public record ReceptionLockProperties(@DefaultValue("KEYS") Mode mode, @DefaultValue("4096") int maxKeys) {

    public enum Mode {
        /** Locks on what matching could join: transactions about unrelated children run side by side. */
        KEYS,
        /** One reception transaction at a time, on every instance. */
        GLOBAL
    }

    public ReceptionLockProperties {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("frontdoor.intake.reception-lock.max-keys must be at least 1");
        }
    }
}
