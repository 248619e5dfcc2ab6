package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.OAuthForms.basic;
import static dev.sentinel.auth.it.support.OAuthForms.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.OAuthForms;
import dev.sentinel.auth.it.support.OAuthForms.ServiceClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SecondFactors;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As the developer of another service I want the standard OAuth 2.0 endpoints (discovery, token, introspection,
 * revocation) and clients of my own, so that stock OAuth libraries work with this service unchanged.
 */
class OAuthIT extends SharedServerTest {
    private static AuditTrailClient audit;
    private static ServiceClient resourceServer;

    private OAuthForms oauth;

    @BeforeAll
    static void registerAResourceServer() {
        audit = AuditTrailClient.asAdmin(server);
        resourceServer = OAuthForms.createClient(
                dev.sentinel.auth.it.support.Api.of(server), audit.adminToken(), "resource server");
    }

    @BeforeEach
    void oauthClient() {
        oauth = new OAuthForms(api);
    }

    // ---- discovery

    @Test
    void bothDiscoveryDocumentsNameTheIssuerAndTheEndpoints() {
        Reply openId = api.get("/.well-known/openid-configuration", null);
        Reply rfc8414 = api.get("/.well-known/oauth-authorization-server", null);

        assertEquals(200, openId.status(), openId::toString);
        assertEquals(openId.body(), rfc8414.body());
        JsonObject metadata = openId.json();
        String issuer = metadata.getString("issuer");
        assertEquals(issuer + "/oauth2/token", metadata.getString("token_endpoint"));
        assertEquals(issuer + "/oauth2/introspect", metadata.getString("introspection_endpoint"));
        assertEquals(issuer + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
        assertEquals(issuer + "/api/auth/jwks", metadata.getString("jwks_uri"));
        assertEquals(issuer + "/api/auth/me", metadata.getString("userinfo_endpoint"));
        assertEquals(
                Json.createArrayBuilder()
                        .add("password")
                        .add("refresh_token")
                        .add("client_credentials")
                        .build(),
                metadata.getJsonArray("grant_types_supported"));
        assertTrue(metadata.getJsonArray("token_endpoint_auth_methods_supported")
                .toString()
                .contains("\"none\""));
        assertTrue(metadata.containsKey("introspection_endpoint_auth_methods_supported"));
        assertTrue(metadata.containsKey("scopes_supported"));
        assertTrue(metadata.getJsonArray("response_types_supported").isEmpty());
        assertEquals("nosniff", openId.header("X-Content-Type-Options"));
    }

    @Test
    void theStandardPathsAreServedOnlyAtTheRoot() {
        Reply direct = api.get("/api/.well-known/openid-configuration", null);
        Reply directToken = oauth.post("/api/oauth2/token", form("grant_type", "password"), null);
        Reply unknown = oauth.post("/oauth2/authorize", form("a", "b"), null);

        for (Reply reply : new Reply[] {direct, directToken, unknown}) {
            assertEquals(404, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
        }
    }

    // ---- password and refresh-token grants

    @Test
    void thePasswordGrantIssuesTheTokensOfALogin() {
        Accounts.Session user = Accounts.signUp(api);

        Reply grant = oauth.passwordGrant(user.email(), Accounts.PASSWORD);

        assertEquals(200, grant.status(), grant::toString);
        assertEquals("Bearer", grant.json().getString("token_type"));
        assertTrue(grant.json().getInt("expires_in") > 0);
        assertNotNull(grant.json().getString("refresh_token"));
        assertTrue(grant.header("Cache-Control").contains("no-store"));
        assertEquals("no-referrer", grant.header("Referrer-Policy"));
        assertNotNull(grant.header("RateLimit-Remaining"), "the token endpoint is rate limited like login");
        assertEquals(200, api.me(grant.json().getString("access_token")).status());
        audit.await(
                "type=LOGIN&user_id=" + user.userId(),
                event -> grant.json().getString("session_id").equals(event.getString("session_id", null)),
                "the LOGIN event of the password grant");
    }

    @Test
    void thePasswordGrantRefusesAnAccountWithASecondFactor() {
        SecondFactors.EnabledFactor user = SecondFactors.userWithFactor(api);

        Reply grant = oauth.passwordGrant(user.email(), Accounts.PASSWORD);

        assertOAuthError(grant, 400, "invalid_grant");
        assertFalse(grant.body().contains("mfa_token"), grant::toString);
    }

    @Test
    void aPublicClientMaySendItsIdWithoutASecret() {
        Accounts.Session user = Accounts.signUp(api);

        Reply grant = oauth.token(
                form(
                        "grant_type",
                        "password",
                        "username",
                        user.email(),
                        "password",
                        Accounts.PASSWORD,
                        "client_id",
                        "my-spa"),
                null);

        assertEquals(200, grant.status(), grant::toString);
    }

    @Test
    void aWrongPasswordIsAnInvalidGrantAndLockoutAnswers429InOAuthForm() {
        Accounts.Session user = Accounts.signUp(api);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertOAuthError(oauth.passwordGrant(user.email(), "wrong password!"), 400, "invalid_grant");
        }
        Reply locked = oauth.passwordGrant(user.email(), Accounts.PASSWORD);

        assertOAuthError(locked, 429, "temporarily_unavailable");
        assertNotNull(locked.header("Retry-After"));
    }

    @Test
    void theRefreshGrantRotatesAndCatchesReuse() {
        Accounts.Session user = Accounts.signUp(api);
        String first =
                oauth.passwordGrant(user.email(), Accounts.PASSWORD).json().getString("refresh_token");

        Reply rotated = oauth.token(form("grant_type", "refresh_token", "refresh_token", first), null);
        assertEquals(200, rotated.status(), rotated::toString);
        String second = rotated.json().getString("refresh_token");
        assertNotEquals(first, second);

        dev.sentinel.auth.it.support.Pause.millis((TestEnvironment.REUSE_WINDOW_SECONDS + 1) * 1000L);
        assertOAuthError(
                oauth.token(form("grant_type", "refresh_token", "refresh_token", first), null), 400, "invalid_grant");
        assertOAuthError(
                oauth.token(form("grant_type", "refresh_token", "refresh_token", second), null), 400, "invalid_grant");
        audit.await("type=REFRESH_TOKEN_REUSE&user_id=" + user.userId(), event -> true, "REFRESH_TOKEN_REUSE");
    }

    // ---- the errors of RFC 6749 §5.2

    @Test
    void malformedTokenRequestsAreRfc6749Errors() {
        assertOAuthError(oauth.token(form("username", "a@it.example"), null), 400, "invalid_request");
        assertOAuthError(oauth.token(form("grant_type", "authorization_code"), null), 400, "unsupported_grant_type");
        assertOAuthError(oauth.token(form("grant_type", "password", "password", "x"), null), 400, "invalid_request");
        assertOAuthError(
                oauth.token("grant_type=password&grant_type=refresh_token&username=a&password=b", null),
                400,
                "invalid_request");
        assertOAuthError(oauth.token(form("grant_type", "refresh_token"), null), 400, "invalid_request");
        assertOAuthError(
                oauth.token(form("grant_type", "refresh_token", "refresh_token", "not-a-token"), null),
                400,
                "invalid_grant");
        Reply json = api.post("/oauth2/token", "{\"grant_type\":\"password\"}");
        assertOAuthError(json, 415, "invalid_request");
    }

    @Test
    void clientAuthenticationFailuresAre401WithABasicChallenge() {
        Reply none = oauth.token(form("grant_type", "client_credentials"), null);
        Reply wrongSecret =
                oauth.token(form("grant_type", "client_credentials"), basic(resourceServer.id(), "not the secret"));
        Reply unknownClient = oauth.token(form("grant_type", "client_credentials"), basic("svc_unknown", "x"));
        Reply malformed = oauth.token(form("grant_type", "client_credentials"), "Basic %%%notbase64");
        Reply wrongOnPasswordGrant = oauth.token(
                form("grant_type", "password", "username", "a@it.example", "password", "whatever1"),
                basic(resourceServer.id(), "not the secret"));

        for (Reply reply : new Reply[] {none, wrongSecret, unknownClient, malformed, wrongOnPasswordGrant}) {
            assertOAuthError(reply, 401, "invalid_client");
            assertTrue(reply.header("WWW-Authenticate").startsWith("Basic"), reply::toString);
        }
    }

    // ---- client credentials

    @Test
    void aClientCredentialsTokenNamesTheClientAndHasNoSession() {
        ServiceClient admin = OAuthForms.createClient(api, audit.adminToken(), "admin job", "admin");

        Reply grant = oauth.clientCredentials(admin);

        assertEquals(200, grant.status(), grant::toString);
        assertFalse(grant.json().containsKey("refresh_token"));
        assertFalse(grant.json().containsKey("session_id"));
        JsonObject claims = claimsOf(grant.json().getString("access_token"));
        assertEquals(admin.id(), claims.getString("sub"));
        assertEquals(admin.id(), claims.getString("client_id"));
        assertEquals("[\"admin\"]", claims.getJsonArray("groups").toString());
        assertFalse(claims.containsKey("sid"));
    }

    @Test
    void aClientTokenWorksWhereItsGroupsAllowAndIsRefusedWhereAUserIsDue() {
        ServiceClient admin = OAuthForms.createClient(api, audit.adminToken(), "admin job", "admin");
        ServiceClient plain = OAuthForms.createClient(api, audit.adminToken(), "plain job", "user");
        String adminToken = oauth.clientCredentials(admin).json().getString("access_token");
        String plainToken = oauth.clientCredentials(plain).json().getString("access_token");

        assertEquals(200, api.get("/api/admin/auth-events?limit=1", adminToken).status());
        assertEquals(200, api.get("/api/admin/clients", adminToken).status());
        assertEquals(403, api.get("/api/admin/auth-events?limit=1", plainToken).status());
        for (String token : new String[] {adminToken, plainToken}) {
            assertUserOnly(api.me(token));
            assertUserOnly(api.get("/api/auth/sessions", token));
            assertUserOnly(api.post("/api/auth/logout", null, token));
            assertUserOnly(api.post(
                    "/api/auth/password",
                    dev.sentinel.auth.it.support.Api.json(
                            "current_password", "whatever password", "new_password", "another password 1"),
                    token));
            assertUserOnly(api.post("/api/auth/email-verification", null, token));
        }
    }

    // ---- client administration

    @Test
    void anAdministratorCreatesListsAndDeletesClients() {
        Reply created =
                api.post("/api/admin/clients", "{\"name\":\"billing\",\"groups\":[\"user\"]}", audit.adminToken());
        assertEquals(201, created.status(), created::toString);
        String id = created.json().getString("client_id");
        String secret = created.json().getString("client_secret");
        assertTrue(secret.length() >= 43, "a secret of at least 256 bits");
        assertEquals("billing", created.json().getString("name"));

        Reply list = api.get("/api/admin/clients", audit.adminToken());
        assertEquals(200, list.status());
        assertTrue(list.body().contains(id));
        assertFalse(list.body().contains(secret), "the list shows a secret");
        assertFalse(list.body().contains("client_secret"));

        assertEquals(
                204, api.delete("/api/admin/clients/" + id, audit.adminToken()).status());
        Reply again = api.delete("/api/admin/clients/" + id, audit.adminToken());
        assertEquals(404, again.status());
        assertTrue(again.contentType().startsWith("application/problem+json"));
        audit.await(
                "type=CLIENT_CREATED", event -> event.getString("reason", "").contains(id), "CLIENT_CREATED");
        audit.await(
                "type=CLIENT_DELETED", event -> event.getString("reason", "").contains(id), "CLIENT_DELETED");
    }

    @Test
    void clientAdministrationIsForAdministratorsAndValidatesItsInput() {
        Accounts.Session user = Accounts.signUp(api);

        assertEquals(401, api.get("/api/admin/clients", null).status());
        assertEquals(403, api.get("/api/admin/clients", user.accessToken()).status());
        Reply badGroup = api.post("/api/admin/clients", "{\"name\":\"x\",\"groups\":[\"root\"]}", audit.adminToken());
        assertEquals(400, badGroup.status());
        assertTrue(badGroup.body().contains("groups"), badGroup::toString);
        Reply noName = api.post("/api/admin/clients", "{\"groups\":[]}", audit.adminToken());
        assertEquals(400, noName.status());
        assertTrue(noName.contentType().startsWith("application/problem+json"));
    }

    @Test
    void aDeletedClientsTokensStopWorking() {
        ServiceClient doomed = OAuthForms.createClient(api, audit.adminToken(), "doomed", "admin");
        String token = oauth.clientCredentials(doomed).json().getString("access_token");
        assertTrue(oauth.introspect(token, resourceServer).json().getBoolean("active"));

        assertEquals(
                204,
                api.delete("/api/admin/clients/" + doomed.id(), audit.adminToken())
                        .status());

        assertFalse(oauth.introspect(token, resourceServer).json().getBoolean("active"));
        assertEquals(401, api.get("/api/admin/clients", token).status());
        assertOAuthError(oauth.clientCredentials(doomed), 401, "invalid_client");
    }

    // ---- introspection

    @Test
    void introspectionDescribesALiveAccessTokenAndRefreshToken() {
        Accounts.Session user = Accounts.signUp(api);

        JsonObject access = oauth.introspect(user.accessToken(), resourceServer).json();
        JsonObject refresh =
                oauth.introspect(user.refreshToken(), resourceServer).json();

        assertTrue(access.getBoolean("active"), access::toString);
        assertEquals("Bearer", access.getString("token_type"));
        assertEquals(user.userId(), access.getString("sub"));
        assertEquals(user.email(), access.getString("username"));
        assertEquals(user.sessionId(), access.getString("sid"));
        assertEquals("[\"user\"]", access.getJsonArray("groups").toString());
        assertTrue(access.getJsonNumber("exp").longValue()
                > access.getJsonNumber("iat").longValue());
        assertNotNull(access.getString("iss"));
        assertTrue(refresh.getBoolean("active"), refresh::toString);
        assertEquals("refresh_token", refresh.getString("token_type"));
        assertEquals(user.sessionId(), refresh.getString("sid"));
        audit.await(
                "type=TOKEN_INTROSPECTED",
                event -> user.sessionId().equals(event.getString("session_id", null)),
                "TOKEN_INTROSPECTED");
    }

    @Test
    void introspectionAnswersInactiveAtOnceAfterALogout() {
        Accounts.Session user = Accounts.signUp(api);

        assertEquals(204, api.post("/api/auth/logout", null, user.accessToken()).status());

        assertEquals(
                "{\"active\":false}",
                oauth.introspect(user.accessToken(), resourceServer).body());
        assertEquals(
                "{\"active\":false}",
                oauth.introspect(user.refreshToken(), resourceServer).body());
    }

    @Test
    void forgedAndUnknownTokensAreInactive() {
        Accounts.Session user = Accounts.signUp(api);
        String[] parts = user.accessToken().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (String token : new String[] {tampered, user.accessToken() + "x", "unknown", "a.b.c"}) {
            Reply reply = oauth.introspect(token, resourceServer);
            assertEquals(200, reply.status(), reply::toString);
            assertFalse(reply.json().getBoolean("active"));
            assertFalse(reply.body().contains(token), "the token is echoed");
        }
    }

    @Test
    void introspectionNeedsClientAuthenticationAndAToken() {
        Accounts.Session user = Accounts.signUp(api);

        Reply anonymous = oauth.post("/oauth2/introspect", form("token", user.accessToken()), null);
        Reply bearer = api.send(
                "POST",
                "/oauth2/introspect",
                form("token", user.accessToken()),
                OAuthForms.FORM,
                user.accessToken(),
                Map.of());
        Reply noToken = oauth.post("/oauth2/introspect", "", basic(resourceServer.id(), resourceServer.secret()));

        assertOAuthError(anonymous, 401, "invalid_client");
        assertOAuthError(bearer, 401, "invalid_client");
        assertOAuthError(noToken, 400, "invalid_request");
    }

    // ---- revocation

    @Test
    void revokingARefreshTokenEndsItsSession() {
        Accounts.Session user = Accounts.signUp(api);

        Reply revoked = oauth.revoke(user.refreshToken());

        assertEquals(200, revoked.status(), revoked::toString);
        assertTrue(revoked.header("Cache-Control").contains("no-store"));
        assertOAuthError(
                oauth.token(form("grant_type", "refresh_token", "refresh_token", user.refreshToken()), null),
                400,
                "invalid_grant");
        assertEquals(401, api.me(user.accessToken()).status());
        audit.await(
                "type=TOKEN_REVOKED&user_id=" + user.userId(),
                event -> user.sessionId().equals(event.getString("session_id", null)),
                "TOKEN_REVOKED");
    }

    @Test
    void revokingAnAccessTokenEndsItsSession() {
        Accounts.Session user = Accounts.signUp(api);

        assertEquals(200, oauth.revoke(user.accessToken()).status());

        assertEquals(401, api.me(user.accessToken()).status());
        assertFalse(oauth.introspect(user.refreshToken(), resourceServer).json().getBoolean("active"));
    }

    @Test
    void revocationAnswers200ForUnknownTokensAnd400WithoutOne() {
        assertEquals(200, oauth.revoke("never-issued-token").status());
        assertEquals(200, oauth.revoke("a.b.c").status());
        assertOAuthError(
                oauth.post("/oauth2/revoke", form("token_type_hint", "refresh_token"), null), 400, "invalid_request");
        assertOAuthError(
                oauth.post("/oauth2/revoke", form("token", "x"), basic(resourceServer.id(), "wrong")),
                401,
                "invalid_client");
    }

    // ---- helpers

    private static void assertOAuthError(Reply reply, int status, String error) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        assertEquals(error, reply.json().getString("error"), reply::toString);
        assertTrue(reply.json().containsKey("error_description"), reply::toString);
        assertTrue(reply.header("Cache-Control").contains("no-store"), reply::toString);
    }

    private static void assertUserOnly(Reply reply) {
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply::toString);
    }

    private static JsonObject claimsOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
