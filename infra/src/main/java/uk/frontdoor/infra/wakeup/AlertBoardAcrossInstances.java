package uk.frontdoor.infra.wakeup;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.frontdoor.projections.alerts.AlertBoardBroadcast;
import uk.frontdoor.triage.api.query.AlertBoard.Alert;
import uk.frontdoor.triage.api.query.AlertBoard.Change;
import uk.frontdoor.triage.api.query.FindAlert;
import uk.frontdoor.triage.api.query.FindAlerts;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The duty board's live stream on every instance: the alert board projection sends
 * {@code NOTIFY frontdoor_alert_board} in its transaction for each change (which instance, what kind,
 * which alert: no personal data), PostgreSQL delivers it on commit to every instance, and each other
 * instance with a board open reads the alert as it now stands and pushes the change to its own
 * subscribers, exactly as the instance that handled it did.
 */
@Configuration(proxyBeanMethods = false)
class AlertBoardAcrossInstances {

    static final String CHANNEL = "frontdoor_alert_board";

    private static final Logger log = LoggerFactory.getLogger(AlertBoardAcrossInstances.class);

    /** Tells the others; the payload names this instance so it does not push its own change twice. */
    @Bean
    Broadcast alertBoardBroadcast(JdbcClient jdbc) {
        return new Broadcast(UUID.randomUUID().toString(), jdbc);
    }

    @Bean
    NotificationListener alertBoardChanges(Broadcast broadcast, QueryGateway queries, QueryUpdateEmitter updates) {
        return new NotificationListener(CHANNEL, payload -> broadcast.heard(payload, queries, updates));
    }

    static final class Broadcast implements AlertBoardBroadcast, DisposableBean {

        private final String instance;
        private final JdbcClient jdbc;
        // Off the listening thread: reading the alert must not hold up the event store's wake-up.
        private final ExecutorService pushes = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "alert-board-changes");
            thread.setDaemon(true);
            return thread;
        });

        Broadcast(String instance, JdbcClient jdbc) {
            this.instance = instance;
            this.jdbc = jdbc;
        }

        @Override
        public void changed(Change.Kind kind, String alertId) {
            jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, instance + " " + kind.name() + " " + alertId)
                    .query().singleRow();
        }

        void heard(String payload, QueryGateway queries, QueryUpdateEmitter updates) {
            String[] parts = payload.split(" ");
            if (parts.length != 3 || parts[0].equals(instance)) {
                return;
            }
            Change.Kind kind = Change.Kind.valueOf(parts[1]);
            String alertId = parts[2];
            pushes.execute(() -> {
                if (!watched(updates)) {
                    return;
                }
                try {
                    queries.query(new FindAlert(alertId), ResponseTypes.optionalInstanceOf(Alert.class)).join()
                            .ifPresent(alert -> updates.emit(FindAlerts.class, query -> query.matches(alert),
                                    new Change(kind, alert)));
                } catch (RuntimeException e) {
                    log.warn("A board change from another instance was not pushed: {}", e.getClass().getName());
                }
            });
        }

        private static boolean watched(QueryUpdateEmitter updates) {
            return updates.activeSubscriptions().stream()
                    .map(SubscriptionQueryMessage::getPayload)
                    .anyMatch(FindAlerts.class::isInstance);
        }

        @Override
        public void destroy() {
            pushes.shutdownNow();
        }
    }
}
