package dev.sentinel.auth.it;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scheduled cleanup really runs: with a retention of seconds, old auth events disappear by themselves. */
class CleanupIT {
    private static final int RETENTION_SECONDS = 3;
    private static AuthServer server;

    @BeforeAll
    static void startWithAShortRetention() {
        Map<String, String> env = TestEnvironment.withTestSettings(TestEnvironment.database(
                TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_EVENTS_RETENTION", "PT" + RETENTION_SECONDS + "S");
        env.put("AUTH_CLEANUP_INTERVAL", "PT1S");
        server = AuthServer.start("cleanup-" + System.getProperty("it.db", "h2"), env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eventsOlderThanTheRetentionArePurgedOnSchedule() {
        String email = Accounts.uniqueEmail();
        Api.of(server).login(email, "wrong password");
        AuditTrailClient trail = AuditTrailClient.asAdmin(server);
        String byEmail = "email=" + AuditTrailClient.encode(email);
        trail.await(byEmail, event -> email.equals(event.getString("email", null)), "failed login event");

        long deadline = System.nanoTime() + (RETENTION_SECONDS + 10) * 1_000_000_000L;
        List<JsonObject> left = trail.events(byEmail);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Pause.millis(250);
            left = trail.events(byEmail);
        }

        assertEquals(List.of(), left, "events older than the retention are still there");
    }
}
