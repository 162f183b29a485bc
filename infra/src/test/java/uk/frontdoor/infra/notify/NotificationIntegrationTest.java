package uk.frontdoor.infra.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.IntegrationTestSupport;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Emails through the embedded default's real SMTP server (GreenMail, in process): read back from the server
 * that received them, never from a stand-in. Each says what is needed and links to it, and names no child.
 */
class NotificationIntegrationTest extends IntegrationTestSupport {

    @Autowired
    GreenMail mail;

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

    /** The one email to this address whose subject names this reference, once the server has it. */
    private MimeMessage awaitEmail(String to, String reference) {
        return await().until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(message -> addressedTo(message, to) && subject(message).contains(reference))
                .toList(), found -> found.size() == 1).get(0);
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
