package uk.frontdoor.infra.wakeup;

import org.axonframework.common.caching.Cache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

/**
 * A child's data key destroyed on any instance (erasure) is dropped from every instance's memory when the
 * destroying transaction commits, so no instance goes on reading the child's personal data from its cache; so is
 * the child's record held between commands, which holds that data decrypted, and so are the child's events decoded for
 * the read models ({@link DecodedEvents}, which also checks the key on every use). A reconnection of the listening
 * connection may have missed some: every cached key and child is dropped then.
 */
@Configuration(proxyBeanMethods = false)
class KeysDestroyedElsewhere {

    @Bean
    NotificationListener keysDestroyed(PersonalDataKeys keys, @Qualifier("childCache") Cache children,
                                       ObjectProvider<DecodedEvents> decodedEvents) {
        return new NotificationListener(PersonalDataKeys.KEYS_DESTROYED, new PostgresNotifications.Channel() {
            @Override
            public void notified(String childId) {
                keys.forgetCached(childId);
                children.remove(childId);
                decodedEvents.ifAvailable(decoded -> decoded.forget(childId));
            }

            @Override
            public void missedSome() {
                keys.forgetAllCached();
                children.removeAll();
                decodedEvents.ifAvailable(DecodedEvents::forgetAll);
            }
        });
    }
}
