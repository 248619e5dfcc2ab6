package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.HeadlessBrowser;
import dev.sentinel.auth.it.support.MailEnvironment;
import dev.sentinel.auth.it.support.MailServer;
import dev.sentinel.auth.it.support.Pause;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * As a user who forgot my password, I open the mailed link in a real browser (headless Chromium), choose a new
 * password on the page, and log in with it. Runs in the browser stage of .ci/run (-Dit.test=*BrowserIT).
 */
class PasswordResetBrowserIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String NEW_PASSWORD = "chosen in the browser";

    private static AuthServer server;
    private static MailServer smtp;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        server = MailEnvironment.server();
        smtp = MailEnvironment.smtp();
        browser = HeadlessBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theMailedLinkOpensAPageThatSetsTheNewPassword() {
        // given a user who asked for a reset and got the mail
        Api api = Api.of(server);
        Session user = Accounts.signUp(api);
        assertEquals(
                202,
                api.post("/api/auth/password-reset", Api.json("email", user.email()))
                        .status());
        // the mail links to AUTH_PUBLIC_URL; the test server listens on a port of its own
        String link = smtp.awaitMail(user.email(), 1)
                .link()
                .replace("https://auth.it.example", server.baseUri().toString());

        // when the link is opened and the form filled in
        browser.get(link);
        assertFalse(browser.getCurrentUrl().contains("token="), "the token stays in the address bar");
        browser.findElement(By.id("new-password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.id("repeat-password")).sendKeys(NEW_PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // then the page says so in words, and the new password logs in
        String status = awaitStatus(text -> text.contains("password is changed"));
        assertTrue(status.contains("log in with the new password"), status);
        assertEquals(200, api.login(user.email(), NEW_PASSWORD).status());

        // and the same link, opened again, is refused in words
        browser.get("about:blank"); // else only the fragment changes and the page is not loaded again
        browser.get(link);
        browser.findElement(By.id("new-password")).sendKeys("yet another password");
        browser.findElement(By.id("repeat-password")).sendKeys("yet another password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        awaitStatus(text -> text.contains("invalid, has expired or was already used"));
        assertEquals(200, api.login(user.email(), NEW_PASSWORD).status());
    }

    private static String awaitStatus(Predicate<String> expected) {
        Instant deadline = Instant.now().plus(DEADLINE);
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = browser.findElement(By.id("status")).getText();
            if (expected.test(text)) {
                return text;
            }
            Pause.millis(100);
        }
        throw new AssertionError("the page's status is still: " + text);
    }
}
