package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * A server whose lifetimes are seconds, so that time rules can be seen over HTTP: the idle and absolute
 * lifetimes of sessions, and the scheduled purge of auth events past their retention.
 */
class ShortLifetimesIT {
    private static final int IDLE_SECONDS = 3;
    private static final int MAX_LIFETIME_SECONDS = 6;
    private static final int RETENTION_SECONDS = 10;
    private static AuthServer server;

    @BeforeAll
    static void startWithLifetimesOfSeconds() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_REFRESH_TOKEN_TTL", "PT" + IDLE_SECONDS + "S");
        env.put("AUTH_SESSION_MAX_LIFETIME", "PT" + MAX_LIFETIME_SECONDS + "S");
        env.put("AUTH_EVENTS_RETENTION", "PT" + RETENTION_SECONDS + "S");
        env.put("AUTH_CLEANUP_INTERVAL", "PT1S");
        server = AuthServer.start("lifetimes-" + System.getProperty("it.db", "h2"), env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRefreshTokenUnusedForItsIdleLifetimeIsRefused() {
        Api api = Api.of(server);
        Accounts.Session session = Accounts.signUp(api);

        Pause.millis(IDLE_SECONDS * 1000L + 500);
        Reply refresh = api.refresh(session.refreshToken());

        assertEquals(401, refresh.status(), refresh::toString);
    }

    @Test
    void aSessionEndsAtItsMaximumLifetimeHoweverOftenItIsRefreshed() {
        Api api = Api.of(server);
        String refreshToken = Accounts.signUp(api).refreshToken();
        long signedUp = System.nanoTime();
        for (long at : new long[] {1500, 3000, 4500}) { // each refresh well within the idle lifetime
            sleepUntil(signedUp, at);
            Reply refresh = api.refresh(refreshToken);
            assertEquals(200, refresh.status(), refresh::toString);
            refreshToken = refresh.json().getString("refresh_token");
        }

        sleepUntil(signedUp, MAX_LIFETIME_SECONDS * 1000L + 1000); // idle for 2.5 s only, but past the maximum
        Reply late = api.refresh(refreshToken);

        assertEquals(401, late.status(), late::toString);
    }

    private static void sleepUntil(long origin, long millisAfter) {
        long wait = millisAfter - (System.nanoTime() - origin) / 1_000_000;
        if (wait > 0) {
            Pause.millis(wait);
        }
    }

    @Test
    void eventsOlderThanTheRetentionArePurgedOnSchedule() {
        AuditTrailClient trail = AuditTrailClient.asAdmin(server);
        String email = Accounts.uniqueEmail();
        Reply failed = Api.of(server).login(email, "wrong password");
        assertEquals(401, failed.status(), failed::toString);
        String byEmail = "email=" + AuditTrailClient.encode(email);
        // Looked for during the whole retention: a write delayed by a stalled host is still seen before the
        // purge may take it; the server's own lines about it say where it went if it is not.
        try {
            trail.awaitPage(
                    byEmail, page -> !page.isEmpty(), "failed login event", Duration.ofSeconds(RETENTION_SECONDS));
        } catch (AssertionFailedError notSeen) {
            fail(
                    notSeen.getMessage() + "\nserver log lines about it or warnings:\n"
                            + server.logs()
                                    .lines()
                                    .filter(line ->
                                            line.contains(email) || line.matches("\\[[^]]+] \\S+ \\S+ +[WE] .*"))
                                    .collect(Collectors.joining("\n")),
                    notSeen);
        }

        long deadline = System.nanoTime() + (RETENTION_SECONDS + 10) * 1_000_000_000L;
        List<JsonObject> left = trail.events(byEmail);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(250);
            left = trail.events(byEmail);
        }

        assertEquals(List.of(), left, "events older than the retention are still there");
    }
}
