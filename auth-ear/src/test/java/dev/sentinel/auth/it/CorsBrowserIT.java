package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.HeadlessBrowser;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * As the developer of a single-page app served from another origin, my page logs in and calls the API from a real
 * browser (headless Chromium): allowed when the service lists my origin, blocked by the browser when it does not.
 * Runs in the browser stage of .ci/run (`-Dit.test=*BrowserIT`), which installs Debian's chromium when missing.
 */
class CorsBrowserIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static AuthServer server;
    private static HttpServer allowedSite;
    private static HttpServer otherSite;
    private static WebDriver browser;
    private static Accounts.Session user;

    @BeforeAll
    static void startTheServiceTwoSitesAndABrowser() throws IOException {
        allowedSite = site();
        otherSite = site();
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_CORS_ALLOWED_ORIGINS", origin(allowedSite));
        server = AuthServer.start("cors-browser", env);
        user = Accounts.signUp(Api.of(server));
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
        for (HttpServer site : new HttpServer[] {allowedSite, otherSite}) {
            if (site != null) {
                site.stop(0);
            }
        }
    }

    @Test
    void aPageOfAnAllowedOriginLogsInAndReadsTheUser() {
        String result = resultOfThePageOn(allowedSite);

        assertEquals("ok 200 10 200 " + user.email(), result);
    }

    @Test
    void aPageOfAnotherOriginIsBlockedByTheBrowser() {
        String result = resultOfThePageOn(otherSite);

        assertEquals("blocked TypeError", result);
    }

    private static String resultOfThePageOn(HttpServer site) {
        browser.get(origin(site) + "/cors.html?api=" + encode(server.baseUri().toString()) + "&email="
                + encode(user.email()) + "&password=" + encode(Accounts.PASSWORD));
        Instant deadline = Instant.now().plus(DEADLINE);
        String text = "pending";
        while (Instant.now().isBefore(deadline)) {
            text = browser.findElement(By.id("result")).getText();
            if (!text.equals("pending")) {
                return text;
            }
            Pause.millis(100);
        }
        return text;
    }

    /** Serves the page and its script from the test's resources on a port of its own: an origin of its own. */
    private static HttpServer site() throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            String name =
                    Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
            try (InputStream resource = CorsBrowserIT.class.getResourceAsStream("/browser/" + name)) {
                if (resource == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = resource.readAllBytes();
                exchange.getResponseHeaders()
                        .set("Content-Type", name.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        });
        site.start();
        return site;
    }

    private static String origin(HttpServer site) {
        return "http://127.0.0.1:" + site.getAddress().getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
