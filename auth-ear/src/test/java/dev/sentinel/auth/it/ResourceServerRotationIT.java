package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.SigningKeysClient.kidOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.ResourceServer;
import dev.sentinel.auth.it.support.SigningKeysClient;
import dev.sentinel.auth.it.support.SigningKeysClient.Rotation;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a developer of another service I want my API to keep working when Sentinel rotates its key: it fetches the
 * new key when a token first names it, and tokens of the old key pass until they expire. Keys live in the
 * auth server's database; its JWKS may be cached for 2 s.
 */
class ResourceServerRotationIT {
    private static final String ISSUER = "https://auth.rotation-it.example";
    private static final String AUDIENCE = "orders-api";

    private static AuthServer auth;
    private static ResourceServer resources;

    @BeforeAll
    static void startBoth() throws Exception {
        Map<String, String> env = TestEnvironment.ownServerSettings();
        env.put("AUTH_JWT_ISSUER", ISSUER);
        env.put("AUTH_JWT_AUDIENCE", AUDIENCE);
        env.put("AUTH_JWKS_MAX_AGE", "PT2S");
        env.put("AUTH_SIGNING_KEY_POLL_INTERVAL", "PT1S");
        auth = AuthServer.start("rotation-it-auth", env);
        resources = ResourceServer.create("rotation-it-liberty");
        resources.startTrusting(auth.baseUri(), ISSUER, AUDIENCE, Map.of());
    }

    @AfterAll
    static void stopBoth() {
        TestEnvironment.stopAll(resources, auth);
    }

    @Test
    void tokensOfTheOldAndTheNewKeyAreAcceptedAcrossARotation() {
        Api api = Api.of(auth);
        Session before = Accounts.signUp(api);
        assertEquals(200, resources.get("/api/hello", before.accessToken()).status());

        Rotation rotation = SigningKeysClient.rotate(api, SigningKeysClient.adminToken(api));
        assertNotEquals(kidOf(before.accessToken()), rotation.kid());

        // every token issued meanwhile passes, whichever key signed it
        Session after = SigningKeysClient.await(Duration.ofSeconds(30), "a token signed with the new key", () -> {
            Session session = Accounts.logIn(api.from(Api.randomIp()), before.email());
            Reply hello = resources.get("/api/hello", session.accessToken());
            assertEquals(200, hello.status(), () -> "token of " + kidOf(session.accessToken()) + ": " + hello);
            return kidOf(session.accessToken()).equals(rotation.kid()) ? session : null;
        });

        assertEquals(
                200,
                resources
                        .get("/api/admin/report", SigningKeysClient.adminToken(api))
                        .status());
        assertEquals(200, resources.get("/api/hello", after.accessToken()).status());
        assertEquals(200, resources.get("/api/hello", before.accessToken()).status(), "the old key's token");
    }
}
