package uk.frontdoor.infra.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.frontdoor.infra.OwnServiceTestSupport;

import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The out-of-hours queue in a real browser (headless Chromium) against the whole service on its embedded database
 * and broker, started by the test on a clock it sets to 02:00 on a Saturday: a red contact goes to the emergency duty
 * team's queue, and the team is emailed at once, and an amber one does not; the team's worker opens it, hands it back to the day team with what was
 * done, and it leaves the queue; in the morning the day team reads what was done on the contact.
 */
class OutOfHoursBrowserTest extends OwnServiceTestSupport {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Browser browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_emergency_duty_team_takes_a_red_contact_received_at_night_and_hands_it_back_to_the_day_team()
            throws Exception {
        // Saturday 23 May 2026, 02:00 in London: the office is shut until Tuesday (Monday is a bank holiday).
        clock.moveTo(LocalDateTime.parse("2026-05-23T02:00").atZone(LONDON).toInstant());
        app = start();
        // The clock ticked on while the service started (over a minute on a loaded machine): the contacts arrive at 02:00.
        clock.moveTo(LocalDateTime.parse("2026-05-23T02:00").atZone(LONDON).toInstant());
        String red = postContact(true);
        String amber = postContact(false);
        await().until(() -> jdbc().sql("SELECT count(*) FROM timeliness_clocks WHERE contact_id = ? AND type = 'OUT_OF_HOURS'")
                .param(red).query(Long.class).single() == 1);
        // The team is on call, not at a screen: emailed at once, the red contact only, with a link and no child.
        com.icegreen.greenmail.util.GreenMail mail = app.getBean(com.icegreen.greenmail.util.GreenMail.class);
        jakarta.mail.internet.MimeMessage told = await().until(() -> java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(message -> subjectOf(message).startsWith("Out of hours: contact " + red)).toList(),
                found -> found.size() == 1).get(0);
        assertThat(subjectOf(told)).endsWith("response due 23 May 2026 at 04:00");
        assertThat(told.getAllRecipients()[0].toString()).isEqualTo("emergency-duty@demo-council.example");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(told)).contains("RAG rating Red")
                .contains("/contacts/" + red).contains("/out-of-hours").doesNotContain("Sam").doesNotContain("((");
        assertThat(mail.getReceivedMessages()).noneMatch(message -> subjectOf(message).contains(amber));

        browser = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), Browser.DESKTOP);
        browser.open("/out-of-hours");
        browser.signIn("edt1");
        assertThat(browser.path()).startsWith("/out-of-hours");
        assertThat(browser.driver().getTitle()).isEqualTo("Out of hours – Front door");
        By redRow = By.cssSelector("tr[data-contact-id='" + red + "']");
        WebElement row = browser.refreshUntil(redRow);
        // The queue names no child: the contact's short reference, its RAG rating and the time left.
        assertThat(row.getText()).contains("Red").contains("Due in").doesNotContain("Sam").doesNotContain("Example");
        assertThat(browser.findAll(By.cssSelector("tr[data-contact-id='" + amber + "']"))).isEmpty();

        row.findElement(By.tagName("a")).click();
        assertThat(browser.path()).isEqualTo("/contacts/" + red);
        assertThat(browser.find(By.id("out-of-hours-due")).getText()).contains("emergency duty team");
        // Nothing said about what was done: refused with an error summary linked to the field.
        browser.submit(By.id("hand-back"));
        assertThat(browser.errorSummary()).contains("Enter what the emergency duty team did");
        browser.find(By.id("hand-back-summary")).sendKeys("Visited with police at 03:00; the child is safe with an aunt.");
        browser.submit(By.id("hand-back"));
        assertThat(browser.success()).startsWith("Handed back to the day team");
        browser.refreshUntil(By.id("handed-back-summary"), text -> text.contains("safe with an aunt"));
        assertThat(browser.findAll(By.id("hand-back"))).isEmpty();

        // Off the queue.
        browser.open("/out-of-hours");
        browser.refreshUntil(By.id("out-of-hours-empty"));
        assertThat(browser.findAll(redRow)).isEmpty();

        // Tuesday morning: the day team reads what the emergency duty team did.
        browser.signOut();
        clock.moveTo(LocalDateTime.parse("2026-05-26T09:05").atZone(LONDON).toInstant());
        browser.open("/contacts/" + red);
        browser.signIn("sw1");
        assertThat(browser.path()).startsWith("/contacts/" + red);
        assertThat(browser.find(By.id("handed-back")).getText()).contains("edt1")
                .contains("Visited with police at 03:00; the child is safe with an aunt.");

        // The day team's queue marks the contact the team handed back, and not the amber one it never had.
        browser.open("/queue");
        WebElement handedBack = browser.refreshUntil(By.cssSelector("tr[data-contact-id='" + red + "'] .frontdoor-handed-back"));
        assertThat(handedBack.getText()).contains("Handed back by EDT").contains("edt1").contains("23 May 2026");
        assertThat(browser.find(By.cssSelector("tr[data-contact-id='" + amber + "']")).getText())
                .doesNotContain("Handed back");
        java.util.List<String> violations = new java.util.ArrayList<>();
        AxeScan.scan(browser.driver(), "queue with a contact handed back", violations);
        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
        // So do the staff API's queue items: when and by whom, never what was done.
        com.fasterxml.jackson.databind.JsonNode items = tree(get("/api/v1/triage-queue", "sw1").body()).get("items");
        com.fasterxml.jackson.databind.JsonNode redItem = find(items, red);
        assertThat(redItem.get("handedBackBy").asText()).isEqualTo("edt1");
        assertThat(java.time.Instant.parse(redItem.get("handedBackAt").asText()))
                .isBetween(LocalDateTime.parse("2026-05-23T02:00").atZone(LONDON).toInstant(),
                        LocalDateTime.parse("2026-05-26T09:05").atZone(LONDON).toInstant());
        assertThat(redItem.toString()).doesNotContain("safe with an aunt");
        assertThat(find(items, amber).hasNonNull("handedBackAt")).isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode find(com.fasterxml.jackson.databind.JsonNode items, String contactId) {
        for (com.fasterxml.jackson.databind.JsonNode item : items) {
            if (contactId.equals(item.get("contactId").asText())) {
                return item;
            }
        }
        throw new AssertionError("not on the queue: " + contactId);
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A police contact about a child no other test has used; with immediate risk, the rules rate it red. */
    private String postContact(boolean immediateRisk) {
        return accepted(policeExample("OUT-OF-HOURS-").put("immediateRisk", immediateRisk), "Bearer dev-key-police");
    }
}
