package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import uk.frontdoor.infra.asat.DraftRuleSetSimulationIntegrationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The threshold rules on the pages: a social worker reads each version's rules in plain words and compares two
 * versions; a manager checks a draft rule file (one that does not load is an error naming the file, rule and error),
 * reads what it changes, simulates it from there, and reads the report's charts. Every page is scanned with axe-core
 * against the WCAG 2.2 AA rules.
 */
class ThresholdRulesBrowserTest extends BrowserTestSupport {


    private final List<String> violations = new ArrayList<>();

    @Test
    void staff_read_and_compare_the_rules_and_a_manager_checks_a_draft_and_simulates_it() throws Exception {
        ObjectNode submission = sentBy(POLICE_KEY, submission());
        ((ObjectNode) submission.get("concerns")).putArray("factors").add("4B");
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        await().until(() -> jdbc.sql("SELECT count(*) FROM contact_registry WHERE contact_id = ? AND child_id IS NOT NULL")
                .param(contactId).query(Long.class).single() == 1);
        awaitQueueItem(contactId);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        browser.signIn("sw1");
        browser.find(By.id("nav-threshold-rules")).click();
        browser.find(By.id("compare-versions"));
        assertThat(browser.driver().getTitle()).isEqualTo("Threshold rules – Front door");
        WebElement inForce = browser.find(By.cssSelector("[data-rule-set='berkshire-threshold:2026.1']"));
        assertThat(inForce.findElement(By.tagName("h3")).getText()).contains("berkshire-threshold 2026.1", "In force");
        WebElement injured = inForce.findElement(By.cssSelector("[data-rule='DA-CHILD-INJURED']"));
        assertThat(injured.findElement(By.cssSelector("[data-field='condition']")).getText())
                .startsWith("Fires when").contains("the contact has indicator child injured");
        assertThat(injured.findElement(By.cssSelector("[data-field='effect']")).getText())
                .contains("At least level 4", "Red", "Strategy discussion required");
        assertThat(injured.findElement(By.cssSelector("[data-field='explanation']")).getText()).contains("strategy discussion");
        // The 2023 version was due for review by 31 March 2024.
        assertThat(browser.find(By.cssSelector("[data-rule-set='berkshire-threshold:2023.1'] .govuk-warning-text")).getText())
                .contains("due for review by 31 Mar 2024");
        // Checking a draft is for managers.
        assertThat(browser.driver().findElements(By.id("draft-form"))).isEmpty();
        scan("threshold rules");

        browser.find(By.id("compare-versions")).click();
        new Select(browser.find(By.id("from"))).selectByValue("berkshire-threshold:2023.1");
        new Select(browser.find(By.id("to"))).selectByValue("berkshire-threshold:2026.1");
        browser.submit(By.id("compare"));
        assertThat(browser.find(By.id("diff-title")).getText()).isEqualTo("From berkshire-threshold 2023.1 to berkshire-threshold 2026.1");
        assertThat(Integer.parseInt(browser.find(By.id("diff-changed-count")).getText())).isPositive();
        WebElement immediate = browser.find(By.cssSelector("#changed-IMMEDIATE-RISK [data-field='explanation']"));
        assertThat(immediate.getText()).contains("Explanation", "Working Together 2018", "Working Together 2023");
        scan("comparing two versions");
        browser.open("/rules/diff?from=no-such-version&to=berkshire-threshold:2026.1");
        assertThat(browser.errorSummary()).contains("Select the version to compare from");
        assertThat(browser.driver().getTitle()).startsWith("Error:");
        scan("comparing two versions with errors");
        browser.signOut();

        Path broken = Files.createTempFile("broken-draft", ".yaml");
        try {
            Files.writeString(broken, DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth()
                    .replace("effect: {level: 1, priority: BLUE}", "effect: {level: 7}"));
            browser.signIn("manager1");
            browser.open("/rules");
            browser.find(By.id("draft-file")).sendKeys(broken.toString());
            browser.submit(By.id("check-draft-button"));
            assertThat(browser.errorSummary()).contains("does not load", broken.getFileName().toString(),
                    "PARENT-MENTAL-HEALTH", "effect.level must be a whole number from 1 to 4");
            scan("threshold rules with a draft that does not load");
        } finally {
            Files.deleteIfExists(broken);
        }

        // Pasted (set by script: typing 20 kB key by key would only slow the test).
        ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('draft-text').value = arguments[0];",
                DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth());
        browser.submit(By.id("check-draft-button"));
        assertThat(browser.find(By.id("draft-loads")).getText()).contains("The draft loads",
                "draft.yaml: berkshire-threshold 2026.2-draft");
        assertThat(browser.find(By.id("diff-title")).getText())
                .isEqualTo("From berkshire-threshold 2026.1 to berkshire-threshold 2026.2-draft");
        assertThat(browser.find(By.id("diff-changed-count")).getText()).isEqualTo("1");
        assertThat(browser.find(By.cssSelector("#changed-PARENT-MENTAL-HEALTH [data-field='level']")).getText())
                .isEqualTo("Level 2 1");
        assertThat(browser.find(By.cssSelector("#changed-PARENT-MENTAL-HEALTH [data-field='priority']")).getText())
                .isEqualTo("RAG GREEN BLUE");
        scan("a draft that loads");

        // A period with an error brings back the draft's own page, the draft still there to simulate.
        period(today);
        browser.find(By.id("from-year")).clear();
        browser.find(By.id("from-year")).sendKeys("26");
        browser.submit(By.id("simulate-draft"));
        assertThat(browser.find(By.className("govuk-error-summary")).getText())
                .contains("First day of the period must include a year with 4 numbers");
        assertThat(browser.find(By.id("draft-loads")).getText()).contains("draft.yaml: berkshire-threshold 2026.2-draft");
        assertThat(browser.find(By.id("from-year")).getAttribute("value")).isEqualTo("26");
        scan("a draft's period with an error");

        period(today);
        browser.submit(By.id("simulate-draft"));
        browser.waitFor().until(d -> browser.path().matches("/rules/simulations/[0-9a-f-]{36}"));
        browser.waitFor().until(d -> !d.findElements(By.id("report-summary")).isEmpty());
        assertThat(browser.find(By.id("simulation-source")).getText()).isEqualTo("Draft file draft.yaml");
        int levelDown = Integer.parseInt(browser.find(By.id("report-level-down")).getText());
        int priorityDown = Integer.parseInt(browser.find(By.id("report-priority-down")).getText());
        assertThat(levelDown).isPositive();

        // Each chart is an image with its figures as its text alternative; they add up to the report's figures.
        String levels = description("chart-levels");
        assertThat(levels).startsWith("Contacts changing level, by their level under the rules in force. Level 1: ");
        assertThat(sum(levels, "(\\d+) lower")).isEqualTo(levelDown);
        assertThat(sum(levels, "(\\d+) higher")).isZero();
        assertThat(figure(levels, "Level 2: \\d+ higher, (\\d+) lower")).isPositive();
        assertThat(sum(description("chart-priorities"), "(\\d+) less urgent")).isEqualTo(priorityDown);
        assertThat(description("chart-workload")).contains("MASH: ");
        // The draft changes an effect only: no rule fires more or less often, so there is no chart of it.
        assertThat(browser.driver().findElements(By.id("chart-rules"))).isEmpty();
        WebElement svg = browser.find(By.cssSelector("#chart-levels svg"));
        assertThat(svg.getAttribute("role")).isEqualTo("img");
        assertThat(browser.driver().findElements(By.cssSelector("#chart-levels rect")))
                .hasSize(8).allSatisfy(bar -> assertThat(bar.getAttribute("data-value")).matches("\\d+"));
        scan("a simulation report with charts");

        assertThat(violations).as("WCAG 2.2 AA violations found by axe-core").isEmpty();
    }

    private String description(String chart) {
        // A description is never drawn, so it is read from the page, not waited for as shown.
        browser.find(By.id(chart));
        return browser.driver().findElement(By.id(chart + "-desc")).getDomProperty("textContent");
    }

    private static int sum(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int total = 0;
        while (matcher.find()) {
            total += Integer.parseInt(matcher.group(1));
        }
        return total;
    }

    private static int figure(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private void period(LocalDate day) {
        for (String id : new String[]{"from", "to"}) {
            for (String[] field : new String[][]{{id + "-day", String.valueOf(day.getDayOfMonth())},
                    {id + "-month", String.valueOf(day.getMonthValue())}, {id + "-year", String.valueOf(day.getYear())}}) {
                WebElement input = browser.find(By.id(field[0]));
                input.clear();
                input.sendKeys(field[1]);
            }
        }
    }

    private void scan(String page) {
        AxeScan.scan(browser.driver(), page, violations);
    }
}
