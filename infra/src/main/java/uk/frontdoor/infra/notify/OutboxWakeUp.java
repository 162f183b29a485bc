package uk.frontdoor.infra.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.infra.wakeup.NotificationListener;
import uk.frontdoor.infra.wakeup.PostgresNotifications;

/**
 * Every instance's {@link OutboxSender} woken when emails are queued on any of them: the {@code notification_outbox}
 * table's statement trigger (V65) sends {@code NOTIFY frontdoor_outbox} inside the queuing transaction, as an
 * operator's retry does; PostgreSQL delivers it when that commits, to every instance's {@link PostgresNotifications}.
 * Without it, the senders of the instances that did not queue an email found it at their next poll. A reconnection
 * of the listening connection may have missed some: the sender looks then too.
 */
@Configuration(proxyBeanMethods = false)
class OutboxWakeUp {

    static final String CHANNEL = "frontdoor_outbox";

    @Bean
    NotificationListener outboxQueued(OutboxSender sender) {
        return wakes(sender);
    }

    /** What wakes this sender: one instance's ear on the outbox. */
    static NotificationListener wakes(OutboxSender sender) {
        return new NotificationListener(CHANNEL, new PostgresNotifications.Channel() {
            @Override
            public void notified(String payload) {
                sender.wake();
            }

            @Override
            public void missedSome() {
                sender.wake();
            }
        });
    }
}
