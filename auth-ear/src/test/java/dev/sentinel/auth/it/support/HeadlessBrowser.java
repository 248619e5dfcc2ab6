package dev.sentinel.auth.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless chromium and chromedriver (installed by .ci/chromium-up.sh) for the *BrowserIT tests, with
 * the flags that keep it off the network and quiet as root, and screenshots under target/screenshots.
 */
public final class HeadlessBrowser {
    /** The desktop size the console is checked at. */
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    /** A phone-sized window. */
    public static final Dimension PHONE = new Dimension(390, 844);

    private HeadlessBrowser() {}

    public static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--hide-scrollbars",
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height,
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the console's messages (a refused script or style among them), for browser.manage().logs()
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png; answers the file. */
    public static Path screenshot(WebDriver browser, String name) {
        Path target = Path.of("target", "screenshots", name + ".png").toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Polls the condition every 100 ms until it holds or the deadline passes (then fails, saying what). */
    public static void await(String what, Duration within, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(within);
        while (!holds(condition)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Pause.millis(100);
        }
    }

    /** An element that is not there yet, or was replaced while looked at, is a condition that does not hold yet. */
    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return false;
        }
    }
}
