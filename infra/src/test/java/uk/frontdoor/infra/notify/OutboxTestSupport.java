package uk.frontdoor.infra.notify;

import com.icegreen.greenmail.util.GreenMail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** What the outbox's tests share: its beans, the service's own sender, and an outbox row read by its event id. */
abstract class OutboxTestSupport extends IntegrationTestSupport {

    @Autowired
    GreenMail mail;
    @Autowired
    ObjectProvider<JavaMailSender> mailSenders;
    @Autowired
    OutboxSender serviceSender;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationProperties properties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    /** A breach email to this address, queued at once (outside any processor's batch). */
    void queue(String eventId, String to) {
        outbox.queue(new NotificationOutbox.Email(eventId, "breach", List.of(to), "Overdue: " + eventId, "Body"));
    }

    Map<String, Object> row(String eventId) {
        return jdbc.sql("""
                        SELECT id, attempts, rejections, last_error, given_up_at, given_up_because, retried_by,
                               retried_at, sent_at
                        FROM notification_outbox WHERE event_id = ?""")
                .param(eventId).query().singleRow();
    }
}
