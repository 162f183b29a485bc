package uk.frontdoor.infra.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import uk.frontdoor.infra.IntegrationTestSupport;

/** A fresh headless Chromium for each test, against the shared service, closed after it. */
abstract class BrowserTestSupport extends IntegrationTestSupport {

    protected Browser browser;

    /** The window size the test works at; desktop unless a test says otherwise. */
    protected Dimension windowSize() {
        return Browser.DESKTOP;
    }

    @BeforeEach
    void startBrowser() {
        browser = new Browser(port, windowSize());
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }
}
