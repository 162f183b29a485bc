package uk.frontdoor.infra.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emails through the embedded default's real SMTP server (GreenMail, in process): read back from the server
 * that received them, never from a stand-in. Each says what is needed and links to it, and names no child. Each
 * goes through the outbox (real PostgreSQL): at least once, and once when a batch is handled again, the mail server
 * is down for a while, or two senders drain it at once.
 */
class NotificationIntegrationTest extends OutboxTestSupport {

    @Autowired
    JavaMailSender mailSender;

    @Test
    void a_worker_is_emailed_the_work_allocated_to_them_with_a_link_and_nothing_about_the_child() throws Exception {
        String contactId = decided("ASSESSMENT");
        String contact = "/api/v1/contacts/" + contactId;
        JsonNode child = submission().get("child");
        HttpResponse<String> allocated = postJson(contact + "/allocation", staff("manager1"),
                Map.of("work", "CONTACT", "team", "mash", "worker", "sw2"));
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(204);

        MimeMessage email = awaitEmail("sw2@demo-council.example", contactId);
        assertThat(email.getSubject()).isEqualTo("Contact allocated to you: contact " + contactId);
        assertThat(email.getFrom()[0].toString()).isEqualTo("front-door@demo-council.example");
        String body = GreenMailUtil.getBody(email);
        assertThat(body).contains("manager1 allocated the contact for contact " + contactId + " to you, in team mash")
                .contains("http://localhost:8080/contacts/" + contactId).contains("http://localhost:8080/my-work")
                .doesNotContain(child.get("familyName").asText()).doesNotContain(child.get("givenName").asText())
                .doesNotContain("((");
    }

    @Test
    void a_partner_agency_is_emailed_each_information_request_sent_to_it() throws Exception {
        String contactId = contactIdOf(postContact(POLICE_KEY, submission()));
        awaitQueueItem(contactId);
        String contact = "/api/v1/contacts/" + contactId;
        assertThat(postJson(contact + "/claim", staff("sw1"), null).statusCode()).isEqualTo(204);
        HttpResponse<String> checks = postJson(contact + "/partner-checks", staff("sw1"),
                Map.of("agencies", List.of("HEALTH"), "question", "What do you know of the family?"));
        assertThat(checks.statusCode()).as(checks.body()).isEqualTo(201);
        String checkId = (String) json.readValue(checks.body(), List.class).stream()
                .map(receipt -> ((Map<?, ?>) receipt).get("checkId")).findFirst().orElseThrow();

        MimeMessage email = awaitEmail("safeguarding@demo-health.example", checkId);
        assertThat(email.getSubject()).startsWith("Information request " + checkId + " from the front door, due ");
        assertThat(GreenMailUtil.getBody(email)).contains("asks Health for what it knows about a child")
                .doesNotContain("What do you know of the family?");
    }

    @Test
    void duty_managers_are_emailed_a_breach_with_a_link_to_its_alert() throws Exception {
        // Back from a missing episode 80 hours ago: the return home interview (72 hours) is already overdue.
        ObjectNode returned = submission();
        ((ObjectNode) returned.get("concerns")).putArray("indicators").add("RETURNED_FROM_MISSING");
        returned.put("awareSince", Instant.now().minus(80, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        String contactId = contactIdOf(postContact(POLICE_KEY, returned));

        MimeMessage email = awaitEmail("duty-managers@demo-council.example", contactId);
        assertThat(email.getSubject()).isEqualTo("Overdue: Return home interview for contact " + contactId);
        assertThat(GreenMailUtil.getBody(email)).contains("http://localhost:8080/board/alerts/");
    }

    /**
     * The notifications processor's batch fails at its commit, after the email's outbox row was written in it (a
     * deferred trigger, once): the batch is handled again, its email queued again, and it goes once.
     */
    @Test
    void an_email_goes_once_when_the_batch_that_queued_it_fails_after_writing_it_and_is_handled_again() throws Exception {
        String contactId = decided("ASSESSMENT");
        String failOnce = "outbox_fail_once_" + contactId.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        jdbc.sql("CREATE SEQUENCE " + failOnce).update();
        jdbc.sql("CREATE FUNCTION " + failOnce + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF nextval('" + failOnce + "') = 1 THEN RAISE EXCEPTION 'the test fails this batch once'; END IF; "
                + "RETURN NULL; END $$").update();
        // At the commit of the transaction that wrote the row: the batch's handlers have all run by then.
        jdbc.sql("CREATE CONSTRAINT TRIGGER " + failOnce + " AFTER INSERT ON notification_outbox "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.template = 'allocation' AND NEW.subject LIKE '%" + contactId + "%') "
                + "EXECUTE FUNCTION " + failOnce + "()").update();
        try {
            HttpResponse<String> allocated = postJson("/api/v1/contacts/" + contactId + "/allocation", staff("manager1"),
                    Map.of("work", "CONTACT", "team", "mash", "worker", "sw2"));
            assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(204);

            await().until(() -> rows("allocation", contactId, true) == 1);
            assertThat(jdbc.sql("SELECT last_value FROM " + failOnce).query(Long.class).single())
                    .as("written in the batch that failed, then in the one that committed").isEqualTo(2);
            assertThat(rows("allocation", contactId, false)).isEqualTo(1);
            assertThat(emails("sw2@demo-council.example", contactId)).hasSize(1);
        } finally {
            jdbc.sql("DROP TRIGGER " + failOnce + " ON notification_outbox").update();
            jdbc.sql("DROP FUNCTION " + failOnce + "()").update();
            jdbc.sql("DROP SEQUENCE " + failOnce).update();
        }
    }

    /** The same event's email queued again (its batch handled again after it committed) adds nothing. */
    @Test
    void an_email_queued_again_for_the_same_event_is_not_queued_twice() {
        String eventId = UUID.randomUUID().toString();
        NotificationOutbox.Email email = new NotificationOutbox.Email(eventId, "breach",
                Addressees.DUTY_MANAGERS, List.of("duty-managers@demo-council.example"), "Overdue: " + eventId, "Body " + eventId);
        outbox.queue(email);
        outbox.queue(email);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE event_id = ?").param(eventId)
                .query(Long.class).single()).isEqualTo(1);
        await().until(() -> rows("breach", eventId, true) == 1);
        assertThat(emails("duty-managers@demo-council.example", eventId)).hasSize(1);
    }

    /**
     * The mail server cannot be reached: the email stays in the outbox, its failed attempts counted and their cause
     * kept without an address, the backlog shown; when the server is back, the email goes, once.
     */
    @Test
    void an_email_waits_while_the_mail_server_is_down_and_goes_once_it_is_back() throws Exception {
        String contactId = decided("ASSESSMENT");
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) mailSender;
        int serverPort = smtp.getPort();
        int nobodyListening;
        try (ServerSocket closed = new ServerSocket(0)) {
            nobodyListening = closed.getLocalPort();
        }
        smtp.setPort(nobodyListening);
        try {
            HttpResponse<String> allocated = postJson("/api/v1/contacts/" + contactId + "/allocation", staff("manager1"),
                    Map.of("work", "CONTACT", "team", "mash", "worker", "sw1"));
            assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(204);

            await().until(() -> failedAttempts("allocation", contactId) >= 2);
            String lastError = jdbc.sql("SELECT last_error FROM notification_outbox WHERE template = 'allocation' AND subject LIKE ?")
                    .param("%" + contactId + "%").query(String.class).single();
            assertThat(lastError).contains("ConnectException").doesNotContain("@").doesNotContain(contactId);
            assertThat(rows("allocation", contactId, true)).isZero();
            // The backlog as operations see it (read again at most once a second).
            await().untilAsserted(() -> {
                String metrics = get("/actuator/prometheus", null).body();
                assertThat(gauge(metrics, "frontdoor_notifications_unsent")).isGreaterThanOrEqualTo(1);
                assertThat(gauge(metrics, "frontdoor_notifications_failing")).isGreaterThanOrEqualTo(1);
                assertThat(gauge(metrics, "frontdoor_notifications_oldest_unsent_age_seconds")).isGreaterThan(0);
                assertThat(metrics).containsPattern("frontdoor_notifications_total\\{[^}]*outcome=\"failed\"");
            });
        } finally {
            smtp.setPort(serverPort);
        }
        await().until(() -> rows("allocation", contactId, true) == 1);
        assertThat(emails("sw1@demo-council.example", contactId)).hasSize(1);
    }

    /**
     * Two senders on one database (as on two instances), draining the same rows at once: each row is claimed,
     * sent and marked by one of them, so every email arrives once and each row took one attempt.
     */
    @Test
    void two_senders_draining_the_outbox_at_once_never_send_an_email_twice() throws Exception {
        String run = "two-senders-" + UUID.randomUUID();
        int emails = 120;
        for (int i = 0; i < emails; i++) {
            outbox.queue(new NotificationOutbox.Email(run + "-" + i, "breach", Addressees.DUTY_MANAGERS,
                    List.of("duty-managers@demo-council.example"),
                    "Overdue: " + run + " #" + i, "Body " + i));
        }
        NotificationProperties settings = TestOutboxes.with(properties,
                TestOutboxes.outbox(Duration.ofSeconds(5), 3, Duration.ofSeconds(10), 3));
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                OutboxSender outboxSender = new OutboxSender(jdbc, transactions, mailSenders, settings, clock,
                        new SimpleMeterRegistry());
                claimed.add(threads.submit(() -> {
                    together.await();
                    int total = 0;
                    for (int round = outboxSender.sendDue(); round > 0; round = outboxSender.sendDue()) {
                        total += round;
                    }
                    return total;
                }));
            }
            together.countDown();
            for (Future<Integer> sender : claimed) {
                sender.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        await().until(() -> rows("breach", run, true) == emails);
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE event_id LIKE ? AND attempts <> 1")
                .param(run + "%").query(Long.class).single()).as("rows attempted other than once").isZero();
        List<String> subjects = Arrays.stream(mail.getReceivedMessages()).map(NotificationIntegrationTest::subject)
                .filter(subject -> subject.contains(run)).toList();
        assertThat(subjects).hasSize(emails).doesNotHaveDuplicates();
    }

    /** Sent rows older than the retention are pruned; unsent ones, however old, are kept. */
    @Test
    void sent_emails_are_pruned_after_the_retention_and_unsent_ones_are_kept() {
        String run = "prune-" + UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notification_outbox (event_id, template, recipients, subject, body, created_at,
                                                         next_attempt_at, attempts, sent_at)
                        VALUES (?, 'breach', ARRAY['x@example.org'], 'old sent', 'b', now() - interval '9 days',
                                now() - interval '9 days', 1, now() - interval '8 days'),
                               (?, 'breach', ARRAY['x@example.org'], 'recent sent', 'b', now(), now(), 1, now()),
                               (?, 'breach', ARRAY['x@example.org'], 'old unsent', 'b', now() - interval '10 minutes',
                                now() + interval '1 day', 5, NULL)""")
                .params(run + "-old", run + "-recent", run + "-unsent").update();
        try {
            assertThat(outbox.pruneSent(Duration.ofDays(7))).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.sql("SELECT event_id FROM notification_outbox WHERE event_id LIKE ? ORDER BY event_id")
                    .param(run + "%").query(String.class).list()).containsExactly(run + "-recent", run + "-unsent");
        } finally {
            jdbc.sql("DELETE FROM notification_outbox WHERE event_id LIKE ?").param(run + "%").update();
        }
    }

    /** The outbox rows of this template whose subject (or event id) names this reference; only the sent ones if told. */
    private long rows(String template, String reference, boolean sentOnly) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE template = ? AND (subject LIKE ? OR event_id LIKE ?)"
                        + (sentOnly ? " AND sent_at IS NOT NULL" : ""))
                .params(template, "%" + reference + "%", reference + "%").query(Long.class).single();
    }

    private int failedAttempts(String template, String reference) {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM notification_outbox WHERE template = ? AND subject LIKE ? "
                + "AND sent_at IS NULL").params(template, "%" + reference + "%").query(Integer.class).single();
    }

    /** A gauge's value in Prometheus' text. */
    static double gauge(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(value.find()).as(name).isTrue();
        return Double.parseDouble(value.group(1));
    }

    /** The emails to this address whose subject names this reference. */
    private List<MimeMessage> emails(String to, String reference) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> addressedTo(message, to) && subject(message).contains(reference))
                .toList();
    }

    /** The one email to this address whose subject names this reference, once the server has it. */
    private MimeMessage awaitEmail(String to, String reference) {
        return await().until(() -> emails(to, reference), found -> found.size() == 1).get(0);
    }

    private static boolean addressedTo(MimeMessage message, String to) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equals(to));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
