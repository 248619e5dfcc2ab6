package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.SigningKeysClient.adminToken;
import static dev.sentinel.auth.it.support.SigningKeysClient.await;
import static dev.sentinel.auth.it.support.SigningKeysClient.kidOf;
import static dev.sentinel.auth.it.support.SigningKeysClient.publishedKids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.ProblemAssertions;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SigningKeysClient;
import dev.sentinel.auth.it.support.SigningKeysClient.Rotation;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * As an operator I rotate the signing key without breaking any relying party: the new key is in the JWKS at
 * once, signs only once a cached JWKS has expired, and the old key stays published until its tokens have
 * expired. Keys are generated and kept in the database (no key file), with a JWKS max-age of seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningKeyRotationIT {
    private static final Duration MAX_AGE = Duration.ofSeconds(3);
    private static final Duration ACCESS_TTL = Duration.ofSeconds(6);
    /** The access-token lifetime, Liberty's 30 s of clock skew and the poll interval, with room to spare. */
    private static final Duration RETIREMENT = Duration.ofSeconds(90);

    private static AuthServer server;

    @BeforeAll
    static void start() {
        Map<String, String> env = TestEnvironment.ownServerSettings();
        env.put("AUTH_JWKS_MAX_AGE", "PT" + MAX_AGE.toSeconds() + "S");
        env.put("AUTH_SIGNING_KEY_POLL_INTERVAL", "PT1S");
        env.put("AUTH_ACCESS_TOKEN_TTL", "PT" + ACCESS_TTL.toSeconds() + "S");
        server = AuthServer.start("key-rotation", env);
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(server);
    }

    @Test
    @Order(1)
    void aRotatedKeyIsPublishedAtOnceSignsAfterTheCacheLifetimeAndTheOldOneRetiresAfterItsTokens() {
        Api api = Api.of(server);
        Reply jwks = api.get("/api/auth/jwks", null);
        assertTrue(
                List.of(jwks.header("Cache-Control").replace(" ", "").split(","))
                        .contains("max-age=" + MAX_AGE.toSeconds()),
                jwks::toString);
        Session before = Accounts.signUp(api);
        String oldKid = kidOf(before.accessToken());
        assertEquals(List.of(oldKid), publishedKids(api));

        Rotation rotation = SigningKeysClient.rotate(api, adminToken(api));

        // published at once, beside the old key; signing only after a cached JWKS has expired
        assertEquals(List.of(rotation.kid(), oldKid), publishedKids(api));
        assertFalse(rotation.signsFrom().isBefore(rotation.publishesAt().plus(MAX_AGE)), rotation::toString);
        // every token is signed by a key a relying party could already know: before signs_from, the old one
        Session fresh = await(Duration.ofSeconds(30), "a token signed with the new key", () -> {
            Instant asked = Instant.now();
            Session session = Accounts.logIn(api.from(Api.randomIp()), before.email());
            String kid = kidOf(session.accessToken());
            if (asked.isBefore(rotation.signsFrom().minusMillis(500))) {
                assertEquals(oldKid, kid, "a token was signed with the new key before its time");
            }
            assertEquals(200, api.me(session.accessToken()).status());
            return kid.equals(rotation.kid()) ? session : null;
        });
        assertEquals(200, api.me(fresh.accessToken()).status());
        assertEquals(200, api.me(before.accessToken()).status(), "a token of the old key, still valid");

        // the old key leaves the JWKS once its last token has expired, the new one stays
        await(RETIREMENT, "the old key's retirement", () -> publishedKids(api).contains(oldKid) ? null : true);
        assertEquals(List.of(rotation.kid()), publishedKids(api));
        assertEquals(401, api.me(before.accessToken()).status(), "the old key's token has expired by now");
        assertEquals(
                200,
                api.me(Accounts.logIn(api.from(Api.randomIp()), before.email()).accessToken())
                        .status());
    }

    @Test
    void theRotationIsRecordedWithTheAdministratorAndTheNewKid() {
        Api api = Api.of(server);
        Rotation rotation = SigningKeysClient.rotate(api, adminToken(api));

        var event = AuditTrailClient.awaitEvent(
                server,
                "type=SIGNING_KEY_ROTATED",
                candidate -> ("kid=" + rotation.kid()).equals(candidate.getString("reason", null)));

        assertEquals("SUCCESS", event.getString("outcome"));
        assertEquals(TestEnvironment.ADMIN_EMAIL, event.getString("email"));
    }

    @Test
    void onlyAnAdministratorRotates() {
        Api api = Api.of(server);
        Session user = Accounts.signUp(api);

        Reply asUser = api.post(SigningKeysClient.ROTATE, null, user.accessToken());
        Reply anonymous = api.post(SigningKeysClient.ROTATE, null, null);

        ProblemAssertions.assertProblem(asUser, 403);
        ProblemAssertions.assertProblem(anonymous, 401);
        assertTrue(publishedKids(api).contains(kidOf(user.accessToken())));
    }
}
