package uk.frontdoor.infra.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding a child on the pages in a real browser: a social worker goes to "Find a child" from the
 * navigation, is told what a search needs, searches by the right spelling of a name police got wrong,
 * and opens the record from the results.
 */
class ChildSearchBrowserTest extends BrowserTestSupport {

    @Test
    void a_social_worker_finds_a_child_from_the_navigation_and_opens_the_record() {
        String familyName = uniqueName("Ashdown");
        LocalDate born = LocalDate.of(2015, 2, 9);
        // Police wrote "Ahsdown...": two letters swapped.
        String misspelt = "Ahsdown" + familyName.substring(7);
        String childId = policeContactWithoutNhsNumber("Maya", misspelt, born, "SL6 2QX");

        browser.open("/sign-in");
        browser.signIn("sw1");
        browser.find(By.id("nav-search")).click();
        assertThat(browser.path()).isEqualTo("/children/search");
        assertThat(browser.driver().getTitle()).isEqualTo("Find a child – Front door");

        // Nothing typed, or an initial only: the error summary says what is needed, linked to the field.
        browser.submit(By.id("search"));
        assertThat(browser.errorSummary()).contains("Enter at least one detail of the child");
        assertThat(browser.driver().getTitle()).isEqualTo("Error: Find a child – Front door");
        browser.find(By.id("givenName")).sendKeys("M");
        browser.find(By.id("dateOfBirth-day")).sendKeys("31");
        browser.find(By.id("dateOfBirth-month")).sendKeys("2");
        browser.find(By.id("dateOfBirth-year")).sendKeys("2015");
        browser.submit(By.id("search"));
        assertThat(browser.errorSummary()).containsSubsequence("Enter at least 2 letters of the given name",
                "Date of birth must be a real date");
        assertThat(browser.find(By.cssSelector(".govuk-error-summary a[href='#givenName']")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("givenName-error")).getText()).contains("Enter at least 2 letters");
        // What was typed is kept, to be corrected.
        assertThat(browser.find(By.id("givenName")).getDomProperty("value")).isEqualTo("M");
        assertThat(browser.find(By.id("dateOfBirth-day")).getDomProperty("value")).isEqualTo("31");

        clearAndType("givenName", "Maya");
        browser.find(By.id("familyName")).sendKeys(familyName);
        clearAndType("dateOfBirth-day", "9");
        browser.submit(By.id("search"));

        WebElement first = browser.find(By.cssSelector("#results-table tbody tr"));
        assertThat(first.getDomAttribute("data-child-id")).isEqualTo(childId);
        assertThat(first.getText()).contains("Maya " + misspelt).contains("9 Feb 2015").contains("SL6 2QX")
                .contains("family name: spelt slightly differently").contains("date of birth: the same");
        // The details searched for are not in the address.
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(familyName).doesNotContain("2015");

        first.findElement(By.cssSelector("a.frontdoor-child-link")).click();
        assertThat(browser.path()).isEqualTo("/children/" + childId + "/chronology");
        browser.refreshUntil(By.id("chronology-table"));
    }

    @Test
    void an_administrator_finds_a_child_but_opens_no_chronology_and_a_system_manager_cannot_search() {
        String familyName = uniqueName("Bexley");
        String childId = policeContactWithoutNhsNumber("Theo", familyName, LocalDate.of(2013, 11, 4), "SL4 3QX");

        browser.open("/sign-in");
        browser.signIn("admin1");
        browser.find(By.id("nav-search")).click();
        browser.find(By.id("familyName")).sendKeys(familyName);
        browser.find(By.id("postcode")).sendKeys("sl43qx");
        browser.submit(By.id("search"));

        WebElement first = browser.find(By.cssSelector("#results-table tbody tr"));
        assertThat(first.getDomAttribute("data-child-id")).isEqualTo(childId);
        assertThat(first.getText()).contains("Theo " + familyName).contains("Record " + childId.substring(0, 8));
        // Administrators do not screen, so the record's chronology is not theirs to open.
        assertThat(first.findElements(By.cssSelector("a.frontdoor-child-link"))).isEmpty();
        browser.signOut();

        browser.signIn("sysadmin1");
        assertThat(browser.driver().findElements(By.id("nav-search"))).isEmpty();
        browser.open("/children/search");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    private void clearAndType(String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
