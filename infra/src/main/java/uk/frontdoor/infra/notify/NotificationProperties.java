package uk.frontdoor.infra.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who is told what by email. Addresses only: the emails carry references and links into the service, never a
 * child's details, so that an email sent to the wrong place or read on a phone gives nothing away.
 *
 * @param from         the sender address
 * @param serviceUrl   where the service's pages are, for the links in each email
 * @param dutyManagers who hears of every breach (a team mailbox, as a MASH's duty desk has)
 * @param staff        each member of staff's address, by sign-in name, for the work allocated to them
 * @param agencies     each partner agency's address, by agency code, for the information requests sent to it
 * @param emergencyDuty who hears at once of each contact that goes to the out-of-hours queue (the emergency duty
 *                      team's on-call mailbox or phone gateway): at night nobody watches the queue
 * @param templates    the wording of each email, GOV.UK Notify style, to override the service's own
 *                     ({@code notifications/templates.properties})
 * @param outbox       how the emails waiting in the outbox are sent, retried and pruned
 */
@ConfigurationProperties("frontdoor.notifications")
public record NotificationProperties(
        @DefaultValue("front-door@localhost") String from,
        @DefaultValue("http://localhost:8080") String serviceUrl,
        @DefaultValue List<String> dutyManagers,
        @DefaultValue Map<String, String> staff,
        @DefaultValue Map<String, String> agencies,
        @DefaultValue Map<String, String> templates,
        @DefaultValue List<String> emergencyDuty,
        @DefaultValue Outbox outbox) {

    public NotificationProperties {
        serviceUrl = serviceUrl.endsWith("/") ? serviceUrl.substring(0, serviceUrl.length() - 1) : serviceUrl;
        dutyManagers = List.copyOf(dutyManagers);
        staff = Map.copyOf(staff);
        agencies = Map.copyOf(agencies);
        templates = Map.copyOf(templates);
        emergencyDuty = List.copyOf(emergencyDuty);
    }

    /**
     * The outbox's sender. Each instance runs one; they share the rows (a row is claimed with {@code FOR UPDATE
     * SKIP LOCKED}, so no two send it at once).
     *
     * @param pollInterval  how often a sender looks for rows when nothing woke it: retries falling due, and rows
     *                      queued while its instance's listening connection was down (their notification lost)
     * @param batchSize     rows claimed, sent (over one SMTP connection) and marked sent in one transaction
     * @param retryAfter    the wait before a failed email's first retry; doubled for each later failure
     * @param maxRetryAfter the longest wait between retries
     * @param keepSentFor   how long a sent email's row is kept (what was sent, to whom and when), then pruned
     * @param pruneEvery    how often sent rows past {@code keepSentFor} are pruned (on one instance of the cluster)
     * @param staleAfter    the health component {@code notificationOutbox} is DOWN while an unsent email is older
     * @param giveUpAfterRejections an email the mail server has rejected permanently (an SMTP 5xx reply to a
     *                      recipient or to the message, or an address that does not parse) this many times is given
     *                      up: trying it again will not change the server's answer
     * @param maxAttempts   an email that has failed this many times, for whatever reason, is given up
     * @param giveUpAfter   an email that still fails this long after it was queued (or an operator retried it) is
     *                      given up; a mail server outage shorter than this loses nothing
     */
    public record Outbox(
            @DefaultValue("5s") Duration pollInterval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("10s") Duration retryAfter,
            @DefaultValue("10m") Duration maxRetryAfter,
            @DefaultValue("7d") Duration keepSentFor,
            @DefaultValue("1h") Duration pruneEvery,
            @DefaultValue("15m") Duration staleAfter,
            @DefaultValue("3") int giveUpAfterRejections,
            @DefaultValue("200") int maxAttempts,
            @DefaultValue("24h") Duration giveUpAfter) {

        public Outbox {
            if (batchSize < 1) {
                throw new IllegalArgumentException("frontdoor.notifications.outbox.batch-size must be at least 1");
            }
            if (giveUpAfterRejections < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("frontdoor.notifications.outbox.give-up-after-rejections and "
                        + "max-attempts must be at least 1");
            }
            for (Duration positive : new Duration[]{pollInterval, retryAfter, maxRetryAfter, keepSentFor, pruneEvery,
                    staleAfter, giveUpAfter}) {
                if (positive.isNegative() || positive.isZero()) {
                    throw new IllegalArgumentException("frontdoor.notifications.outbox durations must be positive");
                }
            }
        }

        /** The wait before the next try of an email that has now failed {@code attempts} times. */
        Duration backOff(int attempts) {
            Duration wait = retryAfter;
            for (int failed = 1; failed < attempts && wait.compareTo(maxRetryAfter) < 0; failed++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
        }
    }
}
