package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What operators and orchestrators call: health probes, metrics, the OpenAPI document. */
class OperationsIT extends SharedServerTest {
    @Test
    void liveReadyAndStartedProbesAreUp() {
        for (String probe : new String[] {"/health/live", "/health/ready", "/health/started", "/health"}) {
            Reply reply = api.get(probe, null);
            assertEquals(200, reply.status(), probe);
            assertEquals("UP", reply.json().getString("status"), probe);
        }
    }

    @Test
    void readinessNamesTheDatabaseCheck() {
        Reply reply = api.get("/health/ready", null);
        assertTrue(reply.body().contains("\"database\""), reply.body());
    }

    @Test
    void metricsAreOpenPrometheusTextAndCountAuthEvents() {
        api.login("nobody-" + System.nanoTime() + "@it.example", "wrong password");
        Reply metrics = api.get("/metrics", null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("auth_events_total{"), "auth_events_total missing");
        assertTrue(metrics.body().contains("type=\"LOGIN\""), "LOGIN events missing");
    }

    @Test
    void openApiDocumentsEveryEndpoint() {
        Reply openapi = openApiDocument();
        assertEquals(200, openapi.status());
        for (String path : new String[] {
            "/api/auth/signup",
            "/api/auth/login",
            "/api/auth/refresh",
            "/api/auth/logout",
            "/api/auth/me",
            "/api/auth/sessions",
            "/api/auth/sessions/{id}",
            "/api/auth/password",
            "/api/auth/jwks",
            "/api/admin/auth-events",
            "/api/admin/users",
            "/api/admin/users/{id}",
            "/api/admin/users/{id}/disable",
            "/api/admin/users/{id}/enable",
            "/api/admin/users/{id}/unlock",
            "/api/admin/users/{id}/sessions/revoke",
            "/api/admin/users/{id}/roles",
            "/api/admin/auth-events/stats",
            "/api/admin/clients",
            "/api/admin/clients/{clientId}",
            "/oauth2/token",
            "/oauth2/introspect",
            "/oauth2/revoke",
            "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server"
        }) {
            assertTrue(openapi.body().contains("\"" + path + "\""), "OpenAPI lacks " + path);
        }
        // the standard endpoints are listed where clients call them, not under the application's /api
        assertFalse(openapi.body().contains("\"/api/oauth2/"), "OpenAPI lists /api/oauth2");
        assertTrue(openapi.body().contains("application/problem+json"), "errors are not documented as problems");
    }

    @Test
    void openApiSchemasNameTheFieldsTheApiSends() {
        Reply signup = api.signup("schema-" + System.nanoTime() + "@it.example", "a long enough password");
        assertEquals(201, signup.status(), signup::toString);
        Reply sessions = api.get("/api/auth/sessions", signup.json().getString("access_token"));
        JsonObject schemas =
                openApiDocument().json().getJsonObject("components").getJsonObject("schemas");

        assertDocuments(schemas, "TokenResponse", signup.json());
        assertDocuments(schemas, "UserView", signup.json().getJsonObject("user"));
        assertDocuments(schemas, "SessionView", sessions.items().getJsonObject(0));
    }

    @Test
    void theApiBrowserIsServedFromThisHostUnderItsPolicy() {
        Reply page = api.send("GET", "/openapi/ui/", null, null, null, Map.of());
        assertEquals(200, page.status(), page::toString);
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("script-src 'self';"), () -> "policy: " + policy);
        assertTrue(policy.contains("connect-src 'self';"), policy);
        assertEquals("DENY", page.header("X-Frame-Options"));
        for (String file : new String[] {
            "/webjars/swagger-ui/5.34.1/swagger-ui.css",
            "/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js",
            "/openapi/ui/ui.js"
        }) {
            assertTrue(page.body().contains("\"" + file + "\""), () -> "the page does not name " + file);
            Reply served = api.send("GET", file, null, null, null, Map.of());
            assertEquals(200, served.status(), () -> "GET " + file + ": " + served.status());
        }
        assertTrue(api.send("GET", "/openapi/ui/ui.js", null, null, null, Map.of())
                .body()
                .contains("url: \"/openapi\""));
    }

    private Reply openApiDocument() {
        return api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json"));
    }

    private static void assertDocuments(JsonObject schemas, String schema, JsonObject sent) {
        Set<String> documented =
                schemas.getJsonObject(schema).getJsonObject("properties").keySet();
        assertTrue(
                documented.containsAll(sent.keySet()), schema + " documents " + documented + ", the API sends " + sent);
    }
}
