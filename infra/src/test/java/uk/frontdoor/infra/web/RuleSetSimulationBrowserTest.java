package uk.frontdoor.infra.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import uk.frontdoor.infra.asat.DraftRuleSetSimulationIntegrationTest;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A manager starts a simulation of a draft rule file from the pages, watches it finish and reads its report; a file
 * that does not load is an error on the form; a queued simulation is cancelled with the page's button. A social
 * worker cannot open the pages.
 */
class RuleSetSimulationBrowserTest extends BrowserTestSupport {

    /** The advisory lock the service's simulations take, one at a time ("RULESIM" in ASCII). */
    private static final long SIMULATION_LOCK = 0x52554c4553494dL;

    @Autowired
    private DataSource dataSource;

    @Test
    void a_manager_simulates_a_draft_file_reads_the_report_and_cancels_a_queued_simulation() throws Exception {
        ObjectNode submission = sentBy(POLICE_KEY, submission());
        ((ObjectNode) submission.get("concerns")).putArray("factors").add("4B");
        String contactId = contactIdOf(postContact(POLICE_KEY, submission));
        await().until(() -> jdbc.sql("SELECT count(*) FROM contact_registry WHERE contact_id = ? AND child_id IS NOT NULL")
                .param(contactId).query(Long.class).single() == 1);
        awaitQueueItem(contactId);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        Path draft = Files.createTempFile("berkshire-draft", ".yaml");
        Path broken = Files.createTempFile("broken-draft", ".yaml");
        try {
            Files.writeString(draft, DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth());
            Files.writeString(broken, DraftRuleSetSimulationIntegrationTest.lowerParentalMentalHealth()
                    .replace("effect: {level: 1, priority: BLUE}", "effect: {level: 7}"));

            browser.signIn("manager1");
            browser.find(By.id("nav-rules")).click();
            browser.find(By.id("simulation-form"));
            assertThat(browser.driver().getTitle()).isEqualTo("Rule-set simulations – Front door");

            // A draft that does not load: the form says which file, rule and error.
            browser.choose("source-DRAFT");
            browser.find(By.id("file")).sendKeys(broken.toString());
            period(today);
            browser.submit(By.id("start-simulation"));
            assertThat(browser.errorSummary()).contains("does not load", broken.getFileName().toString(),
                    "PARENT-MENTAL-HEALTH", "effect.level must be a whole number from 1 to 4");

            // The draft that does: the page follows it to its report.
            browser.choose("source-DRAFT");
            browser.find(By.id("file")).sendKeys(draft.toString());
            period(today);
            browser.submit(By.id("start-simulation"));
            browser.waitFor().until(d -> browser.path().matches("/rules/simulations/[0-9a-f-]{36}"));
            browser.waitFor().until(d -> !d.findElements(By.id("report-summary")).isEmpty());
            assertThat(browser.find(By.id("simulation-state")).getText()).isEqualTo("Done");
            assertThat(browser.find(By.id("simulation-source")).getText()).isEqualTo("Draft file " + draft.getFileName());
            assertThat(browser.find(By.id("simulation-title")).getText()).isEqualTo("berkshire-threshold 2026.2-draft");
            assertThat(Integer.parseInt(browser.find(By.id("report-level-down")).getText())).isGreaterThanOrEqualTo(1);
            assertThat(browser.find(By.cssSelector("#workload-table [data-team='MASH']")).getText()).endsWith(" 0");
            WebElement lowered = browser.find(By.cssSelector("#examples-table-LEVEL_DOWN [data-contact='" + contactId + "']"));
            assertThat(lowered.getText()).contains("Level 2, GREEN (berkshire-threshold 2026.1)",
                    "Level 1, BLUE (berkshire-threshold 2026.2-draft)", "PARENT-MENTAL-HEALTH: ");
            assertThat(browser.driver().findElements(By.id("cancel-simulation"))).isEmpty();

            // A simulation waiting its turn is cancelled with the button.
            try (Connection other = dataSource.getConnection()) {
                lock(other, "pg_advisory_lock");
                try {
                    browser.open("/rules/simulations");
                    browser.choose("source-LOADED");
                    new org.openqa.selenium.support.ui.Select(browser.find(By.id("ruleSet")))
                            .selectByValue("berkshire-threshold 2023.1");
                    period(today);
                    browser.submit(By.id("start-simulation"));
                    assertThat(browser.find(By.id("simulation-state")).getText()).isEqualTo("Queued");
                    browser.submit(By.id("cancel-simulation"));
                    assertThat(browser.success()).isEqualTo("Simulation cancelled.");
                    assertThat(browser.find(By.id("simulation-state")).getText()).isEqualTo("Cancelled");
                    assertThat(browser.find(By.id("simulation-progress-text")).getText()).startsWith("Cancelled by manager1");
                } finally {
                    lock(other, "pg_advisory_unlock");
                }
            }
            browser.open("/rules/simulations");
            assertThat(browser.find(By.id("simulations-table")).getText()).contains("Cancelled", "Done",
                    "(draft " + draft.getFileName() + ")");
            browser.signOut();

            browser.signIn("sw1");
            assertThat(browser.driver().findElements(By.id("nav-rules"))).isEmpty();
            browser.open("/rules/simulations");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Your role cannot do this");
        } finally {
            Files.deleteIfExists(draft);
            Files.deleteIfExists(broken);
        }
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

    private static void lock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, SIMULATION_LOCK);
            statement.execute();
        }
    }
}
