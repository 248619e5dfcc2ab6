package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.HeadlessBrowser;
import dev.sentinel.auth.it.support.SharedServerTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * As a developer I browse the API at /openapi/ui/ in a real browser (headless Chromium): Swagger UI, from its
 * WebJar in the WAR, lists the operations of /openapi, and the page's policy refuses nothing it needs. Runs in the
 * browser stage (-Dit.test=*BrowserIT).
 */
class ApiDocsBrowserIT extends SharedServerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static WebDriver browser;

    @BeforeAll
    static void startABrowser() {
        browser = HeadlessBrowser.start();
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void swaggerUiListsTheOperationsOfTheDocument() {
        browser.get(server.baseUri() + "/openapi/ui/");

        HeadlessBrowser.await("the operations are listed", DEADLINE, () -> paths().size() >= 25);
        assertTrue(
                paths().containsAll(List.of("/api/auth/signup", "/api/auth/login", "/oauth2/token")),
                paths()::toString);
        // an operation opened shows its responses, the problem+json errors among them
        browser.findElement(By.cssSelector(".opblock-summary-path[data-path='/api/auth/signup']"))
                .click();
        HeadlessBrowser.await(
                "signup's responses are shown",
                DEADLINE,
                () -> browser.findElements(By.cssSelector(".opblock-body .responses-table")).stream()
                        .anyMatch(table -> table.getText().contains("application/problem+json")));
        HeadlessBrowser.screenshot(browser, "openapi-ui");
        List<String> refused = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
        assertEquals(List.of(), refused, "the page's policy refused what it needs");
    }

    private List<String> paths() {
        return browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
                .map(path -> path.getAttribute("data-path"))
                .toList();
    }
}
