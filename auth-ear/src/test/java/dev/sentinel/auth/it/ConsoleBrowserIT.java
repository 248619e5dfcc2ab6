package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.HeadlessBrowser;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SecondFactors;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * As an operator I open the console at /admin/ in a real browser (headless Chromium), log in as the
 * administrator, watch the charts of what happened, and act on users: disable one, unlock another. A server of
 * its own (the overview counts only this test's events) with a long lockout, so that only the console's unlock
 * can end it within the test. Runs in the browser stage (-Dit.test=*BrowserIT); screenshots go to
 * target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String WRONG_PASSWORD = "not the password 123";

    private static AuthServer server;
    private static WebDriver browser;
    private Api api;

    @BeforeAll
    static void startTheServiceAndABrowser() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_LOCKOUT_DURATION", "PT15M");
        server = AuthServer.start("console-browser", env);
        browser = HeadlessBrowser.start();
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void clientOfItsOwn() {
        api = Api.of(server);
    }

    @Test
    @Order(1)
    void theOverviewChartsTheLoginsAndLockoutsTheTestCaused() {
        // given a user who logs in twice and fails three times, and another who fails until locked out
        Accounts.Session user = Accounts.signUp(api);
        Accounts.logIn(api, user.email());
        Accounts.logIn(api, user.email());
        failLogins(api, user.email(), 3);
        Accounts.Session locked = Accounts.signUp(api.from(Api.randomIp()));
        failLogins(api, locked.email(), 5);

        // when the administrator logs in on the console
        logInAsAdmin();

        // then the figures of the last hour show those counts, and both charts are drawn
        awaitFigure("login-failure", "8");
        awaitFigure("account-locked", "1");
        assertTrue(
                Integer.parseInt(figure("login-success")) >= 2, () -> "successful logins: " + figure("login-success"));
        for (String chart : List.of("logins-chart", "threats-chart")) {
            HeadlessBrowser.await("the chart " + chart + " is drawn", DEADLINE, () -> paintedPixels(chart) > 0);
        }
        assertEquals(8L, chartTotal("logins-chart", 1), "failed logins in the chart");
        HeadlessBrowser.screenshot(browser, "console-overview");

        // and on a phone-sized window nothing needs sideways scrolling
        browser.manage().window().setSize(HeadlessBrowser.PHONE);
        try {
            HeadlessBrowser.await("the page fits a phone", DEADLINE, () ->
                    (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth"));
            HeadlessBrowser.screenshot(browser, "console-overview-phone");
        } finally {
            browser.manage().window().setSize(HeadlessBrowser.DESKTOP);
        }
    }

    @Test
    @Order(2)
    void theEventsPageFiltersByEmailShowsAnEventsDetailAndTailsNewEvents() {
        Accounts.Session user = Accounts.signUp(api);
        failLogins(api, user.email(), 1);
        logInAsAdmin();

        browser.findElement(By.linkText("Events")).click();
        WebElement email = browser.findElement(By.id("ev-email"));
        email.clear();
        email.sendKeys(user.email());
        // failed logins are written asynchronously: search again until both events are there
        HeadlessBrowser.await("the user's two events are listed", DEADLINE, () -> {
            if (browser.findElements(By.cssSelector("#events-table tbody tr")).size() == 2) {
                return true;
            }
            browser.findElement(By.cssSelector("#events-filters button[type=submit]"))
                    .click();
            return false;
        });
        browser.findElement(By.cssSelector("#events-table tbody tr button")).click();
        String detail = browser.findElement(By.id("event-detail")).getText();
        assertTrue(detail.contains(user.email()) && detail.contains("LOGIN"), detail);
        assertTrue(detail.contains("invalid_credentials"), detail);
        HeadlessBrowser.screenshot(browser, "console-events");

        // and with the live tail on, a new event of the user appears on top without a new search
        browser.findElement(By.id("ev-tail")).click();
        failLogins(api, user.email(), 1);
        HeadlessBrowser.await(
                "the tail shows the new event",
                DEADLINE,
                () -> browser.findElements(By.cssSelector("#events-table tbody tr"))
                                .size()
                        == 3);
        browser.findElement(By.id("ev-tail")).click();
    }

    @Test
    @Order(3)
    void aUserDisabledInTheConsoleCannotLogIn() {
        // given a user who can log in
        Accounts.Session user = Accounts.signUp(api);
        logInAsAdmin();

        // when the administrator finds them and disables them, confirming in the dialog
        openUser(user.email());
        act("disable");
        awaitStatus(user.email() + " is disabled.");
        HeadlessBrowser.screenshot(browser, "console-user-disabled");

        // then their login is refused with 403
        Reply login = api.from(Api.randomIp()).login(user.email(), Accounts.PASSWORD);
        assertEquals(403, login.status(), login::toString);
    }

    @Test
    @Order(4)
    void aUserLockedOutByFailedLoginsIsUnlockedInTheConsole() {
        // given a user locked out after five wrong passwords from one client
        Accounts.Session user = Accounts.signUp(api);
        failLogins(api, user.email(), 5);
        assertEquals(429, api.login(user.email(), Accounts.PASSWORD).status(), "locked out");

        // when the administrator unlocks them in the console
        logInAsAdmin();
        openUser(user.email());
        act("unlock");
        awaitStatus(user.email() + " is unlocked.");
        HeadlessBrowser.screenshot(browser, "console-user-unlocked");

        // then the right password logs in from that client again
        Reply login = api.login(user.email(), Accounts.PASSWORD);
        assertEquals(200, login.status(), login::toString);
    }

    @Test
    @Order(5)
    void anAccountThatIsNotAnAdministratorIsTurnedAwayInWords() {
        Accounts.Session user = Accounts.signUp(api);
        browser.get(server.baseUri().resolve("/admin/").toString());
        if (!browser.findElements(By.id("logout")).isEmpty()
                && browser.findElement(By.id("logout")).isDisplayed()) {
            browser.findElement(By.id("logout")).click();
        }
        submitLogin(user.email(), Accounts.PASSWORD);

        awaitStatus("This account is not an administrator.");
        assertTrue(browser.findElement(By.id("login-form")).isDisplayed());
    }

    @Test
    @Order(6)
    void anAdministratorWithASecondFactorLogsInWithTheCode() {
        // given the administrator turned a second factor on (last: the other tests log in with the password alone)
        Reply password = api.login(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        assertEquals(200, password.status(), password::toString);
        SecondFactors.EnabledFactor factor =
                SecondFactors.enable(api, Accounts.Session.of(TestEnvironment.ADMIN_EMAIL, password));

        // when they log in on the console, the password step asks for the code
        browser.get("about:blank");
        browser.get(server.baseUri().resolve("/admin/").toString());
        submitLogin(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        HeadlessBrowser.await(
                "the console asks for the code",
                DEADLINE,
                () -> browser.findElement(By.id("mfa-code")).isDisplayed());
        HeadlessBrowser.screenshot(browser, "console-mfa-step");
        browser.findElement(By.id("mfa-code")).sendKeys(factor.nextCode());
        browser.findElement(By.cssSelector("#mfa-form button[type=submit]")).click();

        // then the overview opens
        HeadlessBrowser.await(
                "the overview after the code",
                DEADLINE,
                () -> browser.findElement(By.id("overview-page")).isDisplayed());
    }

    private void logInAsAdmin() {
        browser.get("about:blank"); // a fresh page: the tokens lived only in the last one's memory
        browser.get(server.baseUri().resolve("/admin/").toString());
        submitLogin(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        HeadlessBrowser.await(
                "the console shows the overview after login",
                DEADLINE,
                () -> browser.findElement(By.id("overview-page")).isDisplayed());
    }

    private static void submitLogin(String email, String password) {
        HeadlessBrowser.await(
                "the login form",
                DEADLINE,
                () -> browser.findElement(By.id("login-email")).isDisplayed());
        browser.findElement(By.id("login-email")).sendKeys(email);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    }

    private static void openUser(String email) {
        browser.findElement(By.linkText("Users")).click();
        WebElement query = browser.findElement(By.id("users-query"));
        query.clear();
        query.sendKeys(email);
        browser.findElement(By.cssSelector("#users-search button[type=submit]")).click();
        By row = By.cssSelector("#users-table tbody tr[data-email='" + email + "'] a");
        try {
            HeadlessBrowser.await(
                    "the user is found",
                    DEADLINE,
                    () -> !browser.findElements(row).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the console says: " + status(), e);
        }
        browser.findElement(row).click();
        HeadlessBrowser.await(
                "the user's page",
                DEADLINE,
                () -> browser.findElement(By.id("user-title")).getText().equals(email));
    }

    private static void act(String action) {
        browser.findElement(By.cssSelector("#user-actions button[data-action='" + action + "']"))
                .click();
        HeadlessBrowser.await(
                "the confirmation dialog",
                DEADLINE,
                () -> browser.findElement(By.id("confirm")).isDisplayed());
        browser.findElement(By.id("confirm-ok")).click();
    }

    private static void awaitStatus(String text) {
        HeadlessBrowser.await(
                "the status says \"" + text + "\" (it says \"" + status() + "\")",
                DEADLINE,
                () -> status().contains(text));
    }

    private static String status() {
        return browser.findElement(By.id("status")).getText();
    }

    private static void failLogins(Api from, String email, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(401, from.login(email, WRONG_PASSWORD).status(), "wrong password " + (i + 1));
        }
    }

    private static String figure(String id) {
        return browser.findElement(By.cssSelector("#figures [data-figure='" + id + "'] .value"))
                .getText();
    }

    /** Figures are refreshed by the console itself (every 15 s), or at once by its button. */
    private static void awaitFigure(String id, String expected) {
        HeadlessBrowser.await("the figure " + id + " is " + expected, DEADLINE, () -> {
            if (expected.equals(figure(id))) {
                return true;
            }
            browser.findElement(By.id("overview-refresh")).click();
            return false;
        });
    }

    /** Pixels of the canvas that are not transparent: zero until Chart.js has drawn on it. */
    private static long paintedPixels(String canvasId) {
        return ((Number) js(
                        "const c = document.getElementById(arguments[0]);"
                                + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + "let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;",
                        canvasId))
                .longValue();
    }

    /** The sum of one dataset of the chart on the canvas, as Chart.js holds it. */
    private static long chartTotal(String canvasId, int dataset) {
        return ((Number) js(
                        "return Chart.getChart(arguments[0]).data.datasets[arguments[1]].data"
                                + ".reduce((a, b) => a + b, 0);",
                        canvasId,
                        dataset))
                .longValue();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
