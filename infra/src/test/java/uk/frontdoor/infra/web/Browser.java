package uk.frontdoor.infra.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium from Debian's {@code chromium} package, driven through Debian's
 * {@code chromium-driver}. Both are pointed at explicitly, so Selenium Manager never looks for (or
 * downloads) a browser or a driver. Override the paths with {@code FRONTDOOR_CHROMIUM} and
 * {@code FRONTDOOR_CHROMEDRIVER}.
 *
 * <p>Every wait is explicit (a condition with a deadline), never a sleep.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = env("FRONTDOOR_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = env("FRONTDOOR_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration POLL = Duration.ofMillis(100);

    /** A laptop screen; tablets are tested at 768 pixels wide. */
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension TABLET = new Dimension(768, 1024);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    public Browser(int port, Dimension size) {
        for (String path : new String[]{CHROMIUM, CHROMEDRIVER}) {
            if (!new File(path).canExecute()) {
                throw new IllegalStateException(path + " is missing: the browser tests need Debian's chromium and "
                        + "chromium-driver packages (apt-get install chromium chromium-driver), as .ci/run installs");
            }
        }
        try {
            profile = Files.createTempDirectory("frontdoor-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // Without the network-related switches, Chromium on a machine with no outside network stalls or fails.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=" + size.getWidth() + "," + size.getHeight());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        base = "http://localhost:" + port;
    }

    /**
     * Makes this browser as a new one is for the next test of a class (one Chromium serves a class's tests,
     * {@link BrowserTestSupport}): any dialog dismissed, any window a test opened closed, the page left for
     * a blank one (so no live stream stays open), every cookie and every origin's storage and cache cleared
     * (so no one is signed in), and the window at {@code size}.
     */
    public void reset(Dimension size) {
        try {
            driver.switchTo().alert().dismiss();
        } catch (org.openqa.selenium.NoAlertPresentException none) {
            // the usual case
        }
        java.util.List<String> windows = new java.util.ArrayList<>(driver.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
            driver.switchTo().window(window).close();
        }
        driver.switchTo().window(windows.get(0));
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", base, "storageTypes", "all"));
        if (!driver.manage().getCookies().isEmpty()) {
            throw new IllegalStateException("cookies left after clearing them");
        }
        resize(size);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public WebElement find(By by) {
        return waitFor().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** What the page shows now, without waiting: for asserting that something is gone. */
    public java.util.List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /**
     * Finds an element that shows once a read model has caught up, reloading the page until it does:
     * after a command a page waits only a few seconds for its read model, and a loaded machine can
     * take longer (the page then says the change may take a few seconds to show).
     */
    public WebElement refreshUntil(By by) {
        return waitFor().until(d -> {
            var found = d.findElements(by);
            if (found.isEmpty()) {
                d.navigate().refresh();
                return null;
            }
            return found.get(0);
        });
    }

    /**
     * As {@link #refreshUntil(By)}, for a change that shows as text: reloads the page until an element
     * found by {@code by} has text that {@code shown} accepts, and returns that element.
     */
    public WebElement refreshUntil(By by, Predicate<String> shown) {
        return waitFor().until(d -> {
            try {
                for (WebElement found : d.findElements(by)) {
                    if (shown.test(found.getText())) {
                        return found;
                    }
                }
            } catch (StaleElementReferenceException replaced) {
                // The page changed while being read: look again after the reload.
            }
            d.navigate().refresh();
            return null;
        });
    }

    /**
     * Ticks a GOV.UK radio or checkbox by clicking its label, as a person does: the Design System
     * draws its own box and leaves the native input transparent, so WebDriver never sees it as visible.
     */
    public void choose(String inputId) {
        find(By.cssSelector("label[for='" + inputId + "']")).click();
    }

    /** An explicit wait whose failure says which page the browser was on (ids only, no page text). */
    public WebDriverWait waitFor() {
        // Looked at every 100 ms, not WebDriver's 500: most waits are for a page a click has just asked for.
        WebDriverWait wait = new WebDriverWait(driver, WAIT, POLL);
        wait.withMessage(() -> "the browser was at " + path() + " (" + driver.getTitle() + ")");
        return wait;
    }

    /** Signs in on the sign-in page, wherever the browser is; waits until the sign-in page has gone. */
    public void signIn(String username) {
        if (!path().startsWith("/sign-in")) {
            open("/sign-in");
        }
        find(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("dev-password");
        driver.findElement(By.id("sign-in")).click();
        waitFor().until(d -> !path().startsWith("/sign-in"));
    }

    public void signOut() {
        find(By.id("sign-out")).click();
        waitFor().until(d -> path().startsWith("/sign-in?signed-out"));
    }

    /** Clicks a button that submits a form, and waits for the page after it (the old one goes stale). */
    public void submit(By button) {
        WebElement element = find(button);
        element.click();
        waitFor().until(d -> gone(element));
    }

    /**
     * Whether an element belongs to a page the browser has left. Chromium says so with a stale
     * reference or, caught mid-navigation, with "does not belong to the document".
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The success banner's text, once the page after a POST shows one. */
    public String success() {
        return find(By.cssSelector(".govuk-notification-banner--success .govuk-notification-banner__heading")).getText();
    }

    /** The error summary's messages, once the page shows one. */
    public String errorSummary() {
        return find(By.cssSelector(".govuk-error-summary")).getText();
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /**
     * Saves the page as a PNG: the whole page, up to {@code maxHeight} pixels, at the window's
     * current width. The window is stretched to the page's height for the shot and put back after.
     */
    public void screenshot(Path file, int maxHeight) {
        Dimension before = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(maxHeight,
                Math.max(before.getHeight(), height + 100))));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
