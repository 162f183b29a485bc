package uk.frontdoor.infra.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import uk.frontdoor.infra.IntegrationTestSupport;

/**
 * A headless Chromium against the shared service: one per test class, started for its first test, reset
 * before each later one to what a fresh one is ({@link Browser#reset}: blank page, no cookies or storage,
 * the test's window size), and closed after the class. Starting Chromium for every test cost a second or
 * more of CPU each (several seconds on a loaded machine), about sixty times a run.
 */
abstract class BrowserTestSupport extends IntegrationTestSupport {

    /** The class's browser. Test classes in one JVM run one after another, never side by side. */
    private static Browser shared;
    private static int sharedPort;

    protected Browser browser;

    /** The window size the test works at; desktop unless a test says otherwise. */
    protected Dimension windowSize() {
        return Browser.DESKTOP;
    }

    @BeforeEach
    void startBrowser() {
        if (shared != null && sharedPort == port) {
            try {
                shared.reset(windowSize());
            } catch (WebDriverException broken) {
                // A browser a failed test left unusable: the next test gets a new one.
                closeShared();
            }
        } else {
            closeShared();
        }
        if (shared == null) {
            shared = new Browser(port, windowSize());
            sharedPort = port;
        }
        browser = shared;
    }

    @AfterAll
    static void stopBrowser() {
        closeShared();
    }

    private static void closeShared() {
        if (shared != null) {
            try {
                shared.close();
            } finally {
                shared = null;
            }
        }
    }
}
