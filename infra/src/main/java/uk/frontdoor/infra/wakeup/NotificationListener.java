package uk.frontdoor.infra.wakeup;

/** A bean that listens to one PostgreSQL notification channel through this node's {@link PostgresNotifications}. */
public record NotificationListener(String channel, PostgresNotifications.Channel listener) {
}
