package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.ForgedTokens;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.ResourceServer;
import dev.sentinel.auth.it.support.SigningKeysClient;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TestKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a developer of another service I protect my API with Sentinel's tokens by configuring nothing but its issuer,
 * JWKS and audience (examples/resource-server on a stock Liberty): fresh tokens pass, groups are roles, and
 * expired, forged and foreign-audience tokens are refused. The auth server signs with a key file here, so that the
 * test can also sign well-formed tokens with the real key and change one claim at a time.
 */
class ResourceServerIT {
    private static final String ISSUER = "https://auth.resource-it.example";
    private static final String AUDIENCE = "orders-api";

    private static AuthServer auth;
    private static ResourceServer resources;
    private static String serverKid;

    @BeforeAll
    static void startBoth() throws Exception {
        Map<String, String> env = TestEnvironment.ownServerSettings();
        env.put("AUTH_SIGNING_KEY_FILE", TestKeys.signingKeyFile().toString());
        env.put("AUTH_JWT_ISSUER", ISSUER);
        env.put("AUTH_JWT_AUDIENCE", AUDIENCE);
        env.put("AUTH_ACCESS_TOKEN_TTL", "PT5S");
        auth = AuthServer.start("resource-it-auth", env);
        serverKid = ForgedTokens.serverKid(Api.of(auth));
        resources = ResourceServer.create("resource-it-liberty");
        // a short clock skew, so that the test of expiry waits seconds
        resources.startTrusting(auth.baseUri(), ISSUER, AUDIENCE, Map.of("JWT_CLOCK_SKEW", "1s"));
    }

    @AfterAll
    static void stopBoth() {
        TestEnvironment.stopAll(resources, auth);
    }

    @Test
    void aFreshTokenOfAnyUserIsAccepted() {
        Session user = Accounts.signUp(Api.of(auth));

        Reply hello = resources.get("/api/hello", user.accessToken());

        assertEquals(200, hello.status(), hello::toString);
        assertEquals(user.email(), hello.json().getString("email"));
        assertEquals(user.userId(), hello.json().getString("subject"));
        assertEquals("[\"user\"]", hello.json().getJsonArray("groups").toString());
    }

    @Test
    void groupsAreRolesTheAdminEndpointIsForAdministratorsOnly() {
        Api api = Api.of(auth);
        Session user = Accounts.signUp(api);
        String admin = SigningKeysClient.adminToken(api);

        assertEquals(403, resources.get("/api/admin/report", user.accessToken()).status());
        Reply report = resources.get("/api/admin/report", admin);
        assertEquals(200, report.status(), report::toString);
        assertEquals(TestEnvironment.ADMIN_EMAIL, report.json().getString("administrator"));
        assertEquals(200, resources.get("/api/hello", admin).status());
    }

    @Test
    void withoutATokenNothingIsServed() {
        assertEquals(401, resources.get("/api/hello", null).status());
        assertEquals(401, resources.get("/api/admin/report", null).status());
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        Session user = Accounts.signUp(Api.of(auth));
        JwtClaims asAdmin = ForgedTokens.claimsOf(user.accessToken());
        asAdmin.setStringListClaim("groups", "admin", "user");

        List<String> forged = List.of(
                ForgedTokens.withPayload(user.accessToken(), asAdmin),
                ForgedTokens.sign(asAdmin, TestKeys.newRsaKey().getPrivate(), serverKid),
                ForgedTokens.hmacWithThePublicKey(asAdmin, serverKid),
                ForgedTokens.unsigned(asAdmin));

        for (String token : forged) {
            assertEquals(401, resources.get("/api/hello", token).status(), token);
            assertEquals(401, resources.get("/api/admin/report", token).status(), token);
        }
    }

    @Test
    void aWellSignedTokenForAnotherAudienceIsRefused() throws Exception {
        JwtClaims claims = claims(AUDIENCE);
        String ours = ForgedTokens.sign(claims, TestKeys.signingKey().getPrivate(), serverKid);
        claims.setAudience("another-api");
        String theirs = ForgedTokens.sign(claims, TestKeys.signingKey().getPrivate(), serverKid);

        assertEquals(200, resources.get("/api/hello", ours).status(), "the same token for this API");
        assertEquals(401, resources.get("/api/hello", theirs).status());
    }

    @Test
    void anExpiredTokenIsRefused() {
        Session user = Accounts.signUp(Api.of(auth));
        assertEquals(200, resources.get("/api/hello", user.accessToken()).status());

        SigningKeysClient.await(
                Duration.ofSeconds(30),
                "the refusal of the expired token",
                () -> resources.get("/api/hello", user.accessToken()).status() == 401 ? true : null);

        Session again = Accounts.logIn(Api.of(auth), user.email());
        assertEquals(200, resources.get("/api/hello", again.accessToken()).status());
    }

    private static JwtClaims claims(String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(audience);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setClaim("upn", "signed-by-test@it.example");
        claims.setStringListClaim("groups", "user");
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + 60));
        claims.setGeneratedJwtId();
        return claims;
    }
}
