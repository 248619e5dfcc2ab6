package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.SelfSignedHttps;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As the developer of a browser app on another origin I call the API from the page: the service answers the
 * preflight for my origin only, exposes the rate-limit headers, and every answer carries the headers browsers
 * and caches need (docs/api.md, Conventions and Browsers), over HTTP and HTTPS.
 */
class BrowserHeadersIT {
    private static final String APP = "http://app.example:8080";
    private static final String STRANGER = "http://evil.example";
    private static AuthServer server;
    private static Accounts.Session user;

    @BeforeAll
    static void startWithOneAllowedOrigin() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_CORS_ALLOWED_ORIGINS", APP + ",http://other.example");
        server = AuthServer.start("browser-" + System.getProperty("it.db", "h2"), env);
        user = Accounts.signUp(Api.of(server));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void apiAnswersAreNeverCachedNorSniffedNorReferred() throws Exception {
        for (HttpResponse<String> reply : new HttpResponse[] {
            get(server.baseUri(), "/api/auth/me", user.accessToken(), null),
            get(server.baseUri(), "/api/auth/me", "not-a-token", null),
            get(server.baseUri(), "/api/no-such-thing", null, null)
        }) {
            assertEquals(Optional.of("no-store"), reply.headers().firstValue("Cache-Control"), reply::toString);
            assertEquals(Optional.of("nosniff"), reply.headers().firstValue("X-Content-Type-Options"));
            assertEquals(Optional.of("no-referrer"), reply.headers().firstValue("Referrer-Policy"));
            assertEquals(Optional.empty(), reply.headers().firstValue("Strict-Transport-Security"), "HSTS over HTTP");
        }
    }

    @Test
    void theJwksSaysHowLongItMayBeCached() throws Exception {
        HttpResponse<String> jwks = get(server.baseUri(), "/api/auth/jwks", null, null);

        assertEquals(200, jwks.statusCode());
        String cacheControl = jwks.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheControl.contains("max-age=300") && !cacheControl.contains("no-store"), cacheControl);
        assertEquals(Optional.of("nosniff"), jwks.headers().firstValue("X-Content-Type-Options"));
    }

    @Test
    void overHttpsTheApiAnswersWithStrictTransportSecurity() throws Exception {
        HttpResponse<String> me = get(server.httpsUri(), "/api/auth/me", user.accessToken(), null);

        assertEquals(200, me.statusCode(), me::body);
        assertTrue(
                me.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        assertEquals(Optional.of("no-store"), me.headers().firstValue("Cache-Control"));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() throws Exception {
        HttpResponse<String> preflight = preflight(APP);

        assertEquals(204, preflight.statusCode(), preflight::body);
        assertEquals(Optional.of(APP), preflight.headers().firstValue("Access-Control-Allow-Origin"));
        String allowed =
                preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("");
        assertTrue(allowed.contains("Authorization") && allowed.contains("Content-Type"), allowed);
        assertTrue(preflight
                .headers()
                .firstValue("Access-Control-Allow-Methods")
                .orElse("")
                .contains("GET"));
        assertFalse(preflight
                .headers()
                .firstValue("Access-Control-Allow-Credentials")
                .isPresent());
    }

    @Test
    void aPreflightFromAnotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> preflight = preflight(STRANGER);

        assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Headers"));
    }

    @Test
    void anActualRequestFromAnAllowedOriginSeesTheOriginAndTheRateLimitHeaders() throws Exception {
        HttpResponse<String> login =
                send(HttpRequest.newBuilder(server.baseUri().resolve("/api/auth/login"))
                        .header("Origin", APP)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + user.email() + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")));

        assertEquals(200, login.statusCode(), login::body);
        assertEquals(Optional.of(APP), login.headers().firstValue("Access-Control-Allow-Origin"));
        String exposed =
                login.headers().firstValue("Access-Control-Expose-Headers").orElse("");
        assertTrue(exposed.contains("RateLimit-Limit") && exposed.contains("Retry-After"), exposed);
        assertTrue(login.headers().firstValue("RateLimit-Limit").isPresent());
    }

    @Test
    void anActualRequestFromAnotherOriginGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> me = get(server.baseUri(), "/api/auth/me", user.accessToken(), STRANGER);

        assertEquals(200, me.statusCode());
        assertEquals(Optional.empty(), me.headers().firstValue("Access-Control-Allow-Origin"));
    }

    @Test
    void theOAuthTokenEndpointAnswersPreflightsAndAllowedOriginsWithItsSecurityHeaders() throws Exception {
        HttpResponse<String> preflight =
                send(HttpRequest.newBuilder(server.baseUri().resolve("/oauth2/token"))
                        .header("Origin", APP)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        server.baseUri().resolve("/oauth2/token"))
                .header("Origin", APP)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username="
                        + java.net.URLEncoder.encode(user.email(), java.nio.charset.StandardCharsets.UTF_8)
                        + "&password="
                        + java.net.URLEncoder.encode(Accounts.PASSWORD, java.nio.charset.StandardCharsets.UTF_8))));

        assertEquals(204, preflight.statusCode(), preflight::body);
        assertEquals(Optional.of(APP), preflight.headers().firstValue("Access-Control-Allow-Origin"));
        assertEquals(200, token.statusCode(), token::body);
        assertEquals(Optional.of(APP), token.headers().firstValue("Access-Control-Allow-Origin"));
        assertTrue(token.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals(Optional.of("nosniff"), token.headers().firstValue("X-Content-Type-Options"));
        assertEquals(Optional.of("no-referrer"), token.headers().firstValue("Referrer-Policy"));
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return preflight(origin, "/api/auth/me", "GET");
    }

    private static HttpResponse<String> preflight(String origin, String path, String method) throws Exception {
        return send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> get(URI base, String path, String token, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return SelfSignedHttps.client()
                .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
