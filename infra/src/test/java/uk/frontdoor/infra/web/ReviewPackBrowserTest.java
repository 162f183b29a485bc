package uk.frontdoor.infra.web;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A manager produces a practice review pack from the chronology page: the printable page, then its PDF. */
class ReviewPackBrowserTest extends BrowserTestSupport {

    @Test
    void a_manager_produces_the_pack_as_a_printable_page_and_a_pdf_and_a_social_worker_cannot() throws Exception {
        String familyName = uniqueName("Pack");
        String childId = policeContactWithoutNhsNumber("Ruby", familyName, LocalDate.of(2015, 4, 9), "SL6 1AB");
        await().until(() -> get("/api/v1/children/" + childId + "/chronology", staff("manager2")).statusCode() == 200);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        browser.signIn("manager1");
        browser.open("/children/" + childId + "/chronology");
        browser.find(By.id("review-pack-link")).click();
        browser.waitFor().until(d -> browser.path().startsWith("/children/" + childId + "/review-pack"));
        type("from", today.minusDays(7));
        type("to", today);
        browser.submit(By.id("produce-pack"));

        assertThat(browser.driver().getTitle()).isEqualTo("Practice review pack – Front door");
        assertThat(browser.find(By.id("pack-period")).getText()).isEqualTo(today.minusDays(7) + " to " + today);
        assertThat(browser.find(By.id("chronology-table")).getText()).contains("Contact received");
        assertThat(browser.find(By.id("clocks-table")).getText()).contains("Contact decision");
        assertThat(browser.find(By.id("views-table")).getText()).contains("manager1");

        // The same pack as a PDF, with the browser's session.
        String pdfUrl = "http://localhost:" + port + browser.find(By.id("pack-pdf")).getDomAttribute("href");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Practice review pack", childId);
        }
        // The pack is a document of its own (no navigation): back to the chronology to sign out.
        browser.find(By.id("pack-back")).click();
        browser.waitFor().until(d -> browser.path().startsWith("/children/" + childId + "/chronology"));
        browser.signOut();

        browser.signIn("sw1");
        browser.open("/children/" + childId + "/chronology");
        assertThat(browser.driver().findElements(By.id("review-pack-link"))).isEmpty();
        browser.open("/children/" + childId + "/review-pack");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Your role cannot do this");
    }

    private void type(String id, LocalDate date) {
        for (String[] field : new String[][]{{id + "-day", String.valueOf(date.getDayOfMonth())},
                {id + "-month", String.valueOf(date.getMonthValue())}, {id + "-year", String.valueOf(date.getYear())}}) {
            WebElement input = browser.find(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
    }
}
