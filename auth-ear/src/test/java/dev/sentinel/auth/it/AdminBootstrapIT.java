package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonString;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * As an operator who names the administrator's address in AUTH_ADMIN_EMAIL, I want whoever signed up with that
 * address before to get nothing from it: the account gets the configured password and loses its sessions
 * before it becomes admin, and an event records it (docs/api.md, Configuration).
 */
class AdminBootstrapIT {
    private static final String ADMIN_PASSWORD = "the configured admin password";

    @Test
    void aStrangerWhoSignedUpWithTheAdminAddressFirstLosesTheAccountWhenItBecomesAdmin() {
        // given a server without an administrator, and a stranger who signs up with an address and logs in
        String email = "future-admin-" + UUID.randomUUID() + "@it.example";
        Map<String, String> env = new HashMap<>(TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null)));
        env.remove("AUTH_ADMIN_EMAIL");
        env.remove("AUTH_ADMIN_PASSWORD");
        env.put(
                "WLP_OUTPUT_DIR",
                TestEnvironment.workDir()
                        .resolve("admin-bootstrap-output-" + UUID.randomUUID())
                        .toString());
        String db = System.getProperty("it.db", "h2");
        Accounts.Session stranger;
        try (AuthServer before = AuthServer.start("admin-bootstrap-before-" + db, env)) {
            Api api = Api.of(before);
            Reply signup = api.signup(email, Accounts.PASSWORD);
            assertEquals(201, signup.status(), signup::toString);
            stranger = Accounts.logIn(api.from(Api.randomIp()), email);
        }

        // when the server starts again with that address and a password as the administrator's
        env.put("AUTH_ADMIN_EMAIL", email);
        env.put("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try (AuthServer after = AuthServer.start("admin-bootstrap-after-" + db, env)) {
            Api api = Api.of(after);

            // then the stranger's password, access token and refresh token are worthless
            assertEquals(401, api.login(email, Accounts.PASSWORD).status());
            assertEquals(401, api.me(stranger.accessToken()).status());
            assertEquals(
                    401,
                    api.from(Api.randomIp()).refresh(stranger.refreshToken()).status());

            // and the configured password logs in as an administrator
            Reply admin = api.from(Api.randomIp()).login(email, ADMIN_PASSWORD);
            assertEquals(200, admin.status(), admin::toString);
            List<String> roles = admin.json().getJsonObject("user").getJsonArray("roles").stream()
                    .map(role -> ((JsonString) role).getString())
                    .toList();
            assertTrue(roles.contains("admin"), () -> "roles: " + roles);

            // and the audit trail says what happened to the account
            String adminToken = admin.json().getString("access_token");
            Reply reset = api.get("/api/admin/auth-events?type=PASSWORD_RESET&email=" + encode(email), adminToken);
            assertEquals(200, reset.status(), reset::toString);
            assertFalse(reset.items().isEmpty(), () -> "no PASSWORD_RESET event: " + reset);
            assertEquals(stranger.userId(), reset.items().getJsonObject(0).getString("user_id"), reset::toString);
        }
    }
}
