package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the audit trail (GET /api/admin/auth-events) as the test administrator. Events are written
 * asynchronously, so the await methods poll every 100 ms up to {@link #DEADLINE}.
 */
public final class AuditTrailClient {
    public static final Duration DEADLINE = Duration.ofSeconds(5);
    public static final String PATH = "/api/admin/auth-events";

    private final Api api;
    private final String adminToken;

    private AuditTrailClient(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    /** Logs in as TestEnvironment.ADMIN_EMAIL from a client IP of its own. */
    public static AuditTrailClient asAdmin(AuthServer server) {
        Api api = Api.of(server);
        Reply login = api.login(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        assertEquals(200, login.status(), () -> "admin login failed: " + login);
        return new AuditTrailClient(api, login.json().getString("access_token"));
    }

    /** For a test that checks one event: logs in as the admin, then polls the query until an event matches. */
    public static JsonObject awaitEvent(AuthServer server, String queryString, Predicate<JsonObject> match) {
        return asAdmin(server).await(queryString, match, "matching event");
    }

    public String adminToken() {
        return adminToken;
    }

    /** The raw answer to a query string such as {@code type=LOGIN&limit=5} (values already encoded). */
    public Reply query(String queryString) {
        return api.get(queryString == null || queryString.isEmpty() ? PATH : PATH + "?" + queryString, adminToken);
    }

    /** The items of one page; fails unless the answer is 200. */
    public List<JsonObject> events(String queryString) {
        Reply reply = query(queryString);
        assertEquals(200, reply.status(), () -> "GET " + PATH + "?" + queryString + " -> " + reply);
        return reply.items().stream().map(JsonValue::asJsonObject).toList();
    }

    /** Polls the query until an event matches; answers it. */
    public JsonObject await(String queryString, Predicate<JsonObject> match, String what) {
        List<JsonObject> last = awaitPage(queryString, page -> page.stream().anyMatch(match), what);
        return last.stream().filter(match).findFirst().orElseThrow();
    }

    /** Polls the query until the page satisfies the condition; answers that page. */
    public List<JsonObject> awaitPage(String queryString, Predicate<List<JsonObject>> done, String what) {
        return awaitPage(queryString, done, what, DEADLINE);
    }

    /** As above, polling up to the given time. */
    public List<JsonObject> awaitPage(
            String queryString, Predicate<List<JsonObject>> done, String what, Duration within) {
        Instant deadline = Instant.now().plus(within);
        List<JsonObject> page = events(queryString);
        while (!done.test(page)) {
            if (Instant.now().isAfter(deadline)) {
                fail("no " + what + " within " + within + " for ?" + queryString + "; last page: " + page);
            }
            Pause.millis(100);
            page = events(queryString);
        }
        return page;
    }

    /** A query parameter value, percent-encoded (space as %20). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether two IP literals name the same address, whatever their spelling. */
    public static boolean sameIp(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        if (expected.equalsIgnoreCase(actual)) {
            return true;
        }
        if (!actual.matches("[0-9a-fA-F:.]+")) {
            return false; // not an IP literal: never resolve names
        }
        try {
            return InetAddress.getByName(expected).equals(InetAddress.getByName(actual));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
