package uk.frontdoor.infra.notify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An email that cannot be delivered is given up, not retried for ever: sooner when the mail server rejects it
 * permanently (a real SMTP server that refuses, {@link RefusingSmtpServer}) than when it only fails for now; kept,
 * counted and listed for system managers, who may send it again, on purpose and on the record. Real PostgreSQL, the
 * service's own SMTP client, and GreenMail for the retry that goes.
 *
 * <p>The service's own sender is stopped while a test's sender works against the refusing server, so that it cannot
 * take the test's rows to GreenMail first; it is started again before each test ends.
 */
class OutboxGivingUpIntegrationTest extends OutboxTestSupport {

    private static final String SYSADMIN = staff("sysadmin1");
    private static final String ADMIN = "/api/v1/admin/notifications";
    /** A mailbox the refusing server does not have: 550 5.1.1. */
    private static final String LEFT = "left-the-council@demo-council.example";
    /** Any other: 451 4.3.0, try again later. */
    private static final String DUTY = "duty-managers@demo-council.example";

    @Autowired
    @Qualifier("notificationOutboxHealthIndicator")
    HealthIndicator health;

    @Test
    void an_email_rejected_permanently_is_given_up_sooner_than_one_refused_for_now_which_goes_later() throws Exception {
        String run = "rejected-" + UUID.randomUUID();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        serviceSender.stop();
        queue(run + "-left", LEFT);
        queue(run + "-duty", DUTY);
        Map<String, Object> left;
        Map<String, Object> duty;
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(Set.of(LEFT))) {
            // Given up at the second rejection; retried as soon as the server refused.
            OutboxSender sender = senderTo(refusing, 2, meters);
            await().until(() -> {
                sender.sendDue();
                return row(run + "-left").get("given_up_at") != null;
            });
            // Read while nothing else sends: the service's sender takes the one refused for now once it starts.
            left = row(run + "-left");
            duty = row(run + "-duty");
        } finally {
            serviceSender.start();
        }
        assertThat(left).containsEntry("given_up_because", "REJECTED").containsEntry("attempts", 2)
                .containsEntry("rejections", 2).containsEntry("sent_at", null);
        assertThat((String) left.get("last_error")).contains("SMTPAddressFailedException").doesNotContain("@");
        // Tried as often, refused each time, but only for now: not given up.
        assertThat(duty).containsEntry("given_up_at", null).containsEntry("attempts", 2).containsEntry("rejections", 0);
        assertThat((String) duty.get("last_error")).contains("SMTPAddressFailedException").doesNotContain("@");
        assertThat(meters.get("frontdoor.notifications").tags("template", "breach", "outcome", "given_up").counter()
                .count()).isEqualTo(1);

        // The service's sender, on the real mail server, sends the one refused for now and leaves the given-up one.
        await().until(() -> row(run + "-duty").get("sent_at") != null);
        assertThat(emails(run + "-duty")).hasSize(1);
        assertThat(row(run + "-left")).containsEntry("sent_at", null).containsEntry("given_up_because", "REJECTED");
        assertThat(emails(run + "-left")).isEmpty();
    }

    @Test
    void an_email_still_failing_after_give_up_after_is_given_up_counted_and_in_the_health_details() throws Exception {
        String run = "too-old-" + UUID.randomUUID();
        serviceSender.stop();
        queue(run, DUTY);
        // Queued a day and an hour ago (give-up-after: 24 hours).
        jdbc.sql("UPDATE notification_outbox SET created_at = created_at - interval '25 hours' WHERE event_id = ?")
                .param(run).update();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer(Set.of())) {
            OutboxSender sender = senderTo(refusing, 3, new SimpleMeterRegistry());
            await().until(() -> {
                sender.sendDue();
                return row(run).get("given_up_at") != null;
            });
        } finally {
            serviceSender.start();
        }
        assertThat(row(run)).containsEntry("given_up_because", "TOO_OLD").containsEntry("attempts", 1)
                .containsEntry("rejections", 0);
        await().untilAsserted(() -> {
            assertThat(NotificationIntegrationTest.gauge(get("/actuator/prometheus", null).body(), "frontdoor_notifications_given_up"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(((Number) health.health().getDetails().get("givenUp")).longValue()).isGreaterThanOrEqualTo(1);
        });
        // Given up is not waiting: the backlog's age is no longer its age.
        assertThat(Duration.parse((String) health.health().getDetails().get("oldestUnsentAge")))
                .isLessThan(Duration.ofHours(24));
    }

    @Test
    void a_system_manager_sees_a_given_up_email_and_retries_it_on_the_record_and_it_goes() throws Exception {
        String run = "retried-" + UUID.randomUUID();
        serviceSender.stop();
        try {
            queue(run, LEFT);
            long id = ((Number) row(run).get("id")).longValue();
            try (RefusingSmtpServer refusing = new RefusingSmtpServer(Set.of(LEFT))) {
                OutboxSender sender = senderTo(refusing, 1, new SimpleMeterRegistry());
                await().until(() -> {
                    sender.sendDue();
                    return row(run).get("given_up_at") != null;
                });
            }

            assertThat(get(ADMIN, staff("manager1")).statusCode()).isEqualTo(403);
            HttpResponse<String> listed = get(ADMIN, SYSADMIN);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> given = ((List<Map<String, Object>>) body(listed).get("givenUp")).stream()
                    .filter(email -> ((Number) email.get("id")).longValue() == id).findFirst().orElseThrow();
            assertThat(given).containsEntry("template", "breach").containsEntry("recipients", List.of(LEFT))
                    .containsEntry("because", "REJECTED").containsEntry("attempts", 1)
                    .doesNotContainKeys("lastRetriedBy", "subject", "body");
            // In words: the service's answers name no Java class (the row's last_error keeps the classes).
            assertThat(given).containsEntry("lastFailure", "the mail server refused a recipient")
                    .doesNotContainKey("lastError");
            @SuppressWarnings("unchecked")
            Map<String, Object> backlog = (Map<String, Object>) body(listed).get("backlog");
            assertThat(((Number) backlog.get("givenUp")).longValue()).isGreaterThanOrEqualTo(1);

            // Only system managers retry; an email not given up, or none, is a problem naming the id.
            assertThat(postJson(ADMIN + "/" + id + "/retry", staff("manager1"), null).statusCode()).isEqualTo(403);
            HttpResponse<String> retried = postJson(ADMIN + "/" + id + "/retry", SYSADMIN, null);
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
            Map<String, Object> row = row(run);
            assertThat(row).containsEntry("given_up_at", null).containsEntry("given_up_because", null)
                    .containsEntry("attempts", 0).containsEntry("rejections", 0)
                    .containsEntry("retried_by", "sysadmin1");
            assertThat(row.get("retried_at")).isNotNull();
            HttpResponse<String> again = postJson(ADMIN + "/" + id + "/retry", SYSADMIN, null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(body(again)).containsEntry("field", "id");
            assertThat(postJson(ADMIN + "/" + Long.MAX_VALUE + "/retry", SYSADMIN, null).statusCode()).isEqualTo(404);
        } finally {
            serviceSender.start();
        }
        // The mailbox exists on the real server: the retried email goes, once, and keeps who retried it.
        await().until(() -> row(run).get("sent_at") != null);
        assertThat(emails(run)).hasSize(1);
        assertThat(row(run)).containsEntry("retried_by", "sysadmin1").containsEntry("attempts", 1);
    }

    /**
     * Given up because its address was wrong, and the settings corrected since (the service's settings give the duty
     * managers' mailbox): sent again, it goes to the address the settings give now, not the one it was queued with.
     * An addressee the settings give no address now is refused, and the email stays given up.
     */
    @Test
    void an_email_sent_again_goes_to_the_address_the_settings_give_now() throws Exception {
        String run = "readdressed-" + UUID.randomUUID();
        long id = TestOutboxes.givenUp(jdbc, run, Addressees.DUTY_MANAGERS, LEFT);
        String nobody = "nobody-" + UUID.randomUUID();
        long unaddressed = TestOutboxes.givenUp(jdbc, nobody, Addressees.staff("no-such-worker"), LEFT);

        HttpResponse<String> refused = postJson(ADMIN + "/" + unaddressed + "/retry", SYSADMIN, null);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(body(refused)).containsEntry("type", "/problems/notification-no-address").containsEntry("field", "id");
        assertThat(row(nobody)).containsEntry("recipients", LEFT).containsEntry("retried_by", null);
        assertThat(row(nobody).get("given_up_at")).isNotNull();

        HttpResponse<String> retried = postJson(ADMIN + "/" + id + "/retry", SYSADMIN, null);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(properties.dutyManagers()).containsExactly(DUTY);
        assertThat(row(run)).containsEntry("recipients", DUTY);
        await().until(() -> row(run).get("sent_at") != null);
        List<MimeMessage> sent = emails(run);
        assertThat(sent).hasSize(1);
        assertThat(Arrays.stream(sent.get(0).getAllRecipients()).map(Object::toString)).containsExactly(DUTY);
    }

    /**
     * An email nobody will send is dismissed by a system manager, on the record: who, when and why. It leaves the
     * list and the given-up count, cannot then be sent again or dismissed twice, and is pruned like a sent one.
     */
    @Test
    void a_system_manager_dismisses_a_given_up_email_with_a_reason_and_it_is_pruned_later() {
        String run = "dismissed-" + UUID.randomUUID();
        long id = TestOutboxes.givenUp(jdbc, run, Addressees.agency("HOUSING"), LEFT);
        String dismiss = ADMIN + "/" + id + "/dismiss";

        assertThat(postJson(dismiss, staff("manager1"), Map.of("reason", "Phoned instead")).statusCode()).isEqualTo(403);
        for (Object refused : new Object[]{null, Map.of(), Map.of("reason", "  "), Map.of("reason", "x".repeat(501))}) {
            HttpResponse<String> answer = postJson(dismiss, SYSADMIN, refused);
            assertThat(answer.statusCode()).as(String.valueOf(refused)).isEqualTo(400);
            assertThat(body(answer)).containsEntry("type", "/problems/invalid-dismissal").containsEntry("field", "reason")
                    .extractingByKey("errors").isEqualTo(List.of(Map.of("field", "reason",
                            "problem", NotificationOutbox.whatIsWrongWith((String) (refused instanceof Map<?, ?> m
                                    ? m.get("reason") : null)))));
        }
        assertThat(row(run)).containsEntry("dismissed_at", null);

        HttpResponse<String> dismissed = postJson(dismiss, SYSADMIN, Map.of("reason", " Phoned the housing officer "));
        assertThat(dismissed.statusCode()).as(dismissed.body()).isEqualTo(202);
        Map<String, Object> row = row(run);
        assertThat(row).containsEntry("dismissed_by", "sysadmin1")
                .containsEntry("dismissed_because", "Phoned the housing officer").containsEntry("sent_at", null);
        assertThat(row.get("dismissed_at")).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> listed = (List<Map<String, Object>>) body(get(ADMIN, SYSADMIN)).get("givenUp");
        assertThat(listed).noneMatch(email -> ((Number) email.get("id")).longValue() == id);
        assertThat(outbox.givenUp(id)).isEmpty();

        assertThat(postJson(ADMIN + "/" + id + "/retry", SYSADMIN, null).statusCode()).isEqualTo(409);
        assertThat(postJson(dismiss, SYSADMIN, Map.of("reason", "Again")).statusCode()).isEqualTo(409);
        assertThat(postJson(ADMIN + "/" + Long.MAX_VALUE + "/dismiss", SYSADMIN, Map.of("reason", "Phoned"))
                .statusCode()).isEqualTo(404);
        assertThat(row(run)).containsEntry("dismissed_because", "Phoned the housing officer");

        // Pruned once kept as long as a sent email is (7 days), not before.
        outbox.pruneSent(Duration.ofDays(7));
        assertThat(row(run)).containsEntry("dismissed_by", "sysadmin1");
        jdbc.sql("UPDATE notification_outbox SET dismissed_at = dismissed_at - interval '8 days' WHERE event_id = ?")
                .param(run).update();
        outbox.pruneSent(Duration.ofDays(7));
        assertThat(jdbc.sql("SELECT count(*) FROM notification_outbox WHERE event_id = ?").param(run)
                .query(Long.class).single()).isZero();
    }

    private OutboxSender senderTo(RefusingSmtpServer server, int giveUpAfterRejections, SimpleMeterRegistry meters) {
        return new OutboxSender(jdbc, transactions, TestOutboxes.smtp(server.port()),
                TestOutboxes.with(properties, TestOutboxes.outbox(Duration.ofHours(1), 50, Duration.ofMillis(1),
                        giveUpAfterRejections)), clock, meters);
    }

    private List<MimeMessage> emails(String reference) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().contains(reference);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
