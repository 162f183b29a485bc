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

    /**
     * A breach email to this address, queued at once (outside any processor's batch), with no addressee kept (as
     * emails queued before V68 are): sending it again goes to this address.
     */
    void queue(String eventId, String to) {
        queue(eventId, null, to);
    }

    /** A breach email for this addressee ({@link Addressees}), queued at once to this address. */
    void queue(String eventId, String addressee, String to) {
        outbox.queue(new NotificationOutbox.Email(eventId, "breach", addressee, List.of(to), "Overdue: " + eventId,
                "Body"));
    }

    Map<String, Object> row(String eventId) {
        return jdbc.sql("""
                        SELECT id, attempts, rejections, last_error, given_up_at, given_up_because, retried_by,
                               retried_at, sent_at, array_to_string(recipients, ',') AS recipients, dismissed_by, dismissed_at, dismissed_because
                        FROM notification_outbox WHERE event_id = ?""")
                .param(eventId).query().singleRow();
    }
}
