package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ForgedTokens.claimsOf;
import static dev.sentinel.auth.it.support.ForgedTokens.decode;
import static dev.sentinel.auth.it.support.ForgedTokens.serverKid;
import static dev.sentinel.auth.it.support.ForgedTokens.sign;
import static dev.sentinel.auth.it.support.ForgedTokens.withPayload;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.ForgedTokens;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TestKeys;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

/**
 * US3: a signed-in user reaches protected endpoints with the access token; any other token is refused,
 * and another service can verify the tokens with the published JWK set.
 */
class SecureAccessIT extends SharedServerTest {
    /** AUTH_JWT_ISSUER is not set for the shared server: docs/api.md's default. */
    private static final String ISSUER = "http://localhost:9080";
    /** auth.jwt.audience (default of the product). */
    private static final String AUDIENCE = "auth-service";

    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi");

    // ---- the genuine token ----

    @Test
    void meWithTheAccessTokenAnswersTheUser() {
        // given
        Accounts.Session session = Accounts.signUp(api);

        // when
        Reply me = api.me(session.accessToken());

        // then
        assertEquals(200, me.status(), me::toString);
        JsonObject user = me.json();
        assertEquals(session.userId(), user.getString("id"));
        assertEquals(session.email(), user.getString("email"));
        assertEquals(List.of("user"), user.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(user.containsKey("created_at"), user::toString);
        assertFalse(me.body().toLowerCase().contains("password"), "the user object must not expose a password hash");
    }

    @Test
    void accessTokenCarriesTheDocumentedClaimsAndHeader() throws Exception {
        // given
        Accounts.Session session = Accounts.signUp(api);
        long now = NumericDate.now().getValue();

        // when
        JwtContext token = decode(session.accessToken());

        // then
        JwtClaims claims = token.getJwtClaims();
        JsonWebStructure header = token.getJoseObjects().get(0);
        assertEquals("RS256", header.getAlgorithmHeaderValue());
        assertNotNull(header.getKeyIdHeaderValue(), "header lacks kid");
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of(AUDIENCE), claims.getAudience());
        // an array, not a lone string: Liberty's mpJwt reads aud as a list, a string costs it two exceptions a call
        assertEquals(List.of(AUDIENCE), claims.getStringListClaimValue("aud"));
        assertEquals(session.userId(), claims.getSubject());
        assertEquals(session.email(), claims.getStringClaimValue("upn"));
        assertEquals(List.of("user"), claims.getStringListClaimValue("groups"));
        assertEquals(session.sessionId(), claims.getStringClaimValue("sid"));
        assertNotNull(claims.getJwtId(), "no jti");
        long iat = claims.getIssuedAt().getValue();
        assertTrue(Math.abs(iat - now) <= 60, () -> "iat " + iat + " is not about now " + now);
        assertEquals(900, claims.getExpirationTime().getValue() - iat);
    }

    @Test
    void jtiIsUniqueAcrossLogins() throws Exception {
        // given
        Accounts.Session account = Accounts.signUp(api);

        // when
        String first = api.login(account.email(), Accounts.PASSWORD).json().getString("access_token");
        String second = api.login(account.email(), Accounts.PASSWORD).json().getString("access_token");

        // then
        String firstJti = decode(first).getJwtClaims().getJwtId();
        String secondJti = decode(second).getJwtClaims().getJwtId();
        assertNotEquals(firstJti, secondJti);
        assertNotEquals(decode(account.accessToken()).getJwtClaims().getJwtId(), firstJti);
    }

    @Test
    void anotherServiceVerifiesTheTokenWithThePublishedJwks() throws Exception {
        // given
        Accounts.Session session = Accounts.signUp(api);
        HttpsJwks jwks =
                new HttpsJwks(server.baseUri().resolve("/api/auth/jwks").toString());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(ISSUER)
                .setExpectedAudience(AUDIENCE)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .build();

        // when
        JwtClaims claims = consumer.processToClaims(session.accessToken());

        // then
        assertEquals(session.userId(), claims.getSubject());
        assertEquals(session.email(), claims.getStringClaimValue("upn"));
    }

    @Test
    void jwksHoldsOnlyPublicKeyMaterial() {
        // when
        Reply reply = api.get("/api/auth/jwks", null);

        // then
        assertEquals(200, reply.status(), reply::toString);
        List<JsonObject> keys = reply.json().getJsonArray("keys").getValuesAs(JsonValue::asJsonObject);
        assertFalse(keys.isEmpty(), "empty JWK set");
        for (JsonObject key : keys) {
            for (String member : PRIVATE_MEMBERS) {
                assertFalse(key.containsKey(member), () -> "JWK exposes private member " + member + ": " + key);
            }
            assertTrue(key.containsKey("kid"), () -> "JWK without kid: " + key);
        }
    }

    @Test
    void jwksPublishesTheKeyNamedInTheTokenHeader() throws Exception {
        // given
        Accounts.Session session = Accounts.signUp(api);

        // when
        String headerKid = decode(session.accessToken()).getJoseObjects().get(0).getKeyIdHeaderValue();

        // then
        assertEquals(serverKid(api), headerKid);
    }

    // ---- forged or broken tokens: 401 problem ----

    @Test
    void unsignedTokenWithAlgNoneIsRefused() throws Exception {
        // given
        JwtClaims claims = claimsOf(Accounts.signUp(api).accessToken());
        String token = ForgedTokens.unsigned(claims);

        // when / then
        assertRefused(token);
    }

    @Test
    void hs256SignedWithThePublicKeyAsSecretIsRefused() throws Exception {
        // given
        JwtClaims claims = claimsOf(Accounts.signUp(api).accessToken());
        String token = ForgedTokens.hmacWithThePublicKey(claims, serverKid(api));

        // when / then
        assertRefused(token);
    }

    @Test
    void tokenWithATamperedUpnIsRefused() throws Exception {
        // given
        Accounts.Session victim = Accounts.signUp(api);
        Accounts.Session attacker = Accounts.signUp(api);
        JwtClaims claims = claimsOf(attacker.accessToken());
        claims.setStringClaim("upn", victim.email());
        String token = withPayload(attacker.accessToken(), claims);

        // when / then
        assertRefused(token);
    }

    @Test
    void tokenWithTamperedGroupsIsRefusedByTheAdminApi() throws Exception {
        // given
        Accounts.Session attacker = Accounts.signUp(api);
        JwtClaims claims = claimsOf(attacker.accessToken());
        claims.setStringListClaim("groups", "user", "admin");
        String token = withPayload(attacker.accessToken(), claims);

        // when
        Reply reply = api.get("/api/admin/auth-events", token);

        // then
        assertProblem(reply, 401);
        assertProblem(api.me(token), 401);
    }

    @Test
    void tokenSignedWithAnotherKeyAndAnUnknownKidIsRefused() throws Exception {
        // given
        JwtClaims claims = claimsOf(Accounts.signUp(api).accessToken());
        String token = sign(claims, TestKeys.newRsaKey().getPrivate(), "unknown-" + UUID.randomUUID());

        // when / then
        assertRefused(token);
    }

    @Test
    void tokenSignedWithAnotherKeyUnderTheServersKidIsRefused() throws Exception {
        // given
        JwtClaims claims = claimsOf(Accounts.signUp(api).accessToken());
        String token = sign(claims, TestKeys.newRsaKey().getPrivate(), serverKid(api));

        // when / then
        assertRefused(token);
    }

    @Test
    void tokenExpiredTwoMinutesAgoIsRefused() throws Exception {
        // given
        String token = realKeyTokenExpiringIn(-120);

        // when / then
        assertRefused(token);
    }

    @Test
    void tokenExpiredTenSecondsAgoIsStillAcceptedWithinTheSkew() throws Exception {
        // given
        String token = realKeyTokenExpiringIn(-10);

        // when
        Reply me = api.me(token);

        // then
        assertEquals(200, me.status(), me::toString);
    }

    @Test
    void tokenExpiredSixtySecondsAgoIsRefused() throws Exception {
        // given
        String token = realKeyTokenExpiringIn(-60);

        // when / then
        assertRefused(token);
    }

    @Test
    void wellSignedTokenStillValidIsAccepted() throws Exception {
        // given: the control case of the forgeries below, signed as the server signs
        String token = realKeyTokenExpiringIn(300);

        // when
        Reply me = api.me(token);

        // then
        assertEquals(200, me.status(), me::toString);
    }

    @Test
    void tokenOfAnotherIssuerIsRefused() throws Exception {
        // given
        Accounts.Session session = Accounts.signUp(api);
        JwtClaims claims = claimsOf(session.accessToken());
        claims.setIssuer("https://issuer.evil.example");
        String token = sign(claims, TestKeys.signingKey().getPrivate(), serverKid(api));

        // when / then
        assertRefused(token);
    }

    @Test
    void tokenForAnotherAudienceIsRefused() throws Exception {
        // given
        Accounts.Session session = Accounts.signUp(api);
        JwtClaims claims = claimsOf(session.accessToken());
        claims.setAudience("some-other-service");
        String token = sign(claims, TestKeys.signingKey().getPrivate(), serverKid(api));

        // when / then
        assertRefused(token);
    }

    @Test
    void garbageTokenIsRefused() {
        assertRefused("abc.def.ghi");
    }

    @Test
    void requestWithoutAuthorizationIsRefused() {
        // when
        Reply reply = api.get("/api/auth/me", null);

        // then
        assertProblem(reply, 401);
    }

    @Test
    void basicAuthorizationIsRefused() {
        // given
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((TestEnvironment.ADMIN_EMAIL + ":" + TestEnvironment.ADMIN_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8));

        // when
        Reply reply = api.send("GET", "/api/auth/me", null, null, null, Map.of("Authorization", basic));

        // then
        assertProblem(reply, 401);
    }

    // ---- roles ----

    @Test
    void adminApiRefusesAUserTokenWith403() {
        // given
        Accounts.Session user = Accounts.signUp(api);

        // when
        Reply reply = api.get("/api/admin/auth-events", user.accessToken());

        // then
        assertProblem(reply, 403);
    }

    @Test
    void adminTokenCarriesTheAdminGroup() throws Exception {
        // when
        Reply login = api.login(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);

        // then
        assertEquals(200, login.status(), login::toString);
        List<String> groups =
                decode(login.json().getString("access_token")).getJwtClaims().getStringListClaimValue("groups");
        assertEquals(
                List.of("admin", "user"), groups.stream().sorted().toList(), () -> "admin token groups: " + groups);
        List<String> roles = login.json()
                .getJsonObject("user")
                .getJsonArray("roles")
                .getValuesAs(jakarta.json.JsonString::getString);
        assertEquals(List.of("admin", "user"), roles.stream().sorted().toList(), () -> "admin user roles: " + roles);
    }

    @Test
    void adminApiAnswersAnAdminToken() {
        // given
        Reply login = api.login(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        assertEquals(200, login.status(), login::toString);
        String token = login.json().getString("access_token");

        // when
        Reply reply = api.get("/api/admin/auth-events", token);

        // then
        assertEquals(200, reply.status(), reply::toString);
        assertNotNull(reply.json().getJsonArray("items"), reply::toString);
    }

    // ---- configuration ----

    @Test
    void microProfileJwtSettingsInTheEnvironmentDoNotChangeWhichTokensAreAccepted() {
        // given: a server whose environment asks MP JWT for the token in a cookie, for another audience
        Map<String, String> env = TestEnvironment.ownServerSettings();
        env.put("MP_JWT_TOKEN_HEADER", "Cookie");
        env.put("MP_JWT_VERIFY_AUDIENCES", "another-service");
        try (AuthServer other = AuthServer.start("mp-jwt-environment-" + System.getProperty("it.db", "h2"), env)) {
            Api client = Api.of(other);
            Accounts.Session session = Accounts.signUp(client);

            // when
            Reply me = client.me(session.accessToken());

            // then: the server's mpJwt element alone decides (MpJwtPropertiesUnset)
            assertEquals(200, me.status(), me::toString);
        }
    }

    // ---- helpers ----

    private void assertRefused(String token) {
        Reply reply = api.me(token);
        assertProblem(reply, 401);
    }

    /** A token like the server's, for a live session, signed with the server's key, expiring in the given seconds. */
    private String realKeyTokenExpiringIn(long seconds) throws Exception {
        JwtClaims claims = claimsOf(Accounts.signUp(api).accessToken());
        long now = NumericDate.now().getValue();
        claims.setExpirationTime(NumericDate.fromSeconds(now + seconds));
        claims.setIssuedAt(NumericDate.fromSeconds(now + seconds - 900));
        claims.setJwtId(UUID.randomUUID().toString());
        return sign(claims, TestKeys.signingKey().getPrivate(), serverKid(api));
    }
}
