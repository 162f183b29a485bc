package uk.frontdoor.infra.wakeup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.frontdoor.triage.dataprotection.PersonalDataKeys;

/**
 * A child's data key destroyed on any instance (erasure) is dropped from every instance's memory when the
 * destroying transaction commits, so no instance goes on reading the child's personal data from its cache. A
 * reconnection of the listening connection may have missed some: every cached key is dropped then.
 */
@Configuration(proxyBeanMethods = false)
class KeysDestroyedElsewhere {

    @Bean
    NotificationListener keysDestroyed(PersonalDataKeys keys) {
        return new NotificationListener(PersonalDataKeys.KEYS_DESTROYED, new PostgresNotifications.Channel() {
            @Override
            public void notified(String childId) {
                keys.forgetCached(childId);
            }

            @Override
            public void missedSome() {
                keys.forgetAllCached();
            }
        });
    }
}
