package uk.frontdoor.triage.reception;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The reception's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReceptionLockProperties.class)
class ReceptionConfiguration {
}
