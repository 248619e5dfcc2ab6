package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SigningKeysClient;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As an operator who prefers elliptic curves I set AUTH_SIGNING_ALGORITHM=ES256: generated keys are P-256, tokens
 * are ES256, and the server (Liberty's mpJwt included) accepts them, also after a rotation.
 */
class Es256SigningIT {
    private static AuthServer server;

    @BeforeAll
    static void start() {
        Map<String, String> env = TestEnvironment.ownServerSettings();
        env.put("AUTH_SIGNING_ALGORITHM", "ES256");
        env.put("AUTH_JWKS_MAX_AGE", "PT1S");
        env.put("AUTH_SIGNING_KEY_POLL_INTERVAL", "PT1S");
        server = AuthServer.start("es256", env);
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(server);
    }

    @Test
    void keysAreP256AndTokensEs256AcceptedByTheServer() {
        Api api = Api.of(server);

        Session session = Accounts.signUp(api);

        JsonObject key =
                api.get("/api/auth/jwks", null).json().getJsonArray("keys").getJsonObject(0);
        assertEquals("EC", key.getString("kty"));
        assertEquals("P-256", key.getString("crv"));
        assertEquals("ES256", key.getString("alg"));
        assertEquals("ES256", SigningKeysClient.headerOf(session.accessToken()).getString("alg"));
        assertEquals(key.getString("kid"), SigningKeysClient.kidOf(session.accessToken()));
        Reply me = api.me(session.accessToken());
        assertEquals(200, me.status(), me::toString);
    }

    @Test
    void aRotatedEs256KeySignsTokensTheServerAccepts() {
        Api api = Api.of(server);
        var rotation = SigningKeysClient.rotate(api, SigningKeysClient.adminToken(api));

        Session session = SigningKeysClient.await(java.time.Duration.ofSeconds(30), "a token of the new key", () -> {
            Session signedUp = Accounts.signUp(Api.of(server));
            return SigningKeysClient.kidOf(signedUp.accessToken()).equals(rotation.kid()) ? signedUp : null;
        });

        assertEquals(200, api.me(session.accessToken()).status());
    }
}
