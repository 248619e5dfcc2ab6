package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.SigningKeysClient;
import dev.sentinel.auth.it.support.StoredSigningKeys;
import dev.sentinel.auth.it.support.StoredSigningKeys.Row;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * As an operator I set AUTH_KEY_ENCRYPTION_KEY so that a copy of the database does not give away the signing keys:
 * keys stored in clear before are sealed at the next start, new keys are sealed from the start, and the server
 * signs and verifies with them as before.
 */
class SealedSigningKeysIT {
    private static final String SEALED = "aesgcm1.";

    @Test
    void plainKeysAreSealedAtTheNextStartAndRotatedKeysAreStoredSealed() throws Exception {
        String database = TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null;
        Path output = TestEnvironment.workDir().resolve("sealed-keys-output-" + UUID.randomUUID());
        Map<String, String> env = TestEnvironment.withTestSettings(TestEnvironment.database(database));
        env.put("WLP_OUTPUT_DIR", output.toString());
        env.put("AUTH_JWKS_MAX_AGE", "PT1S");
        env.put("AUTH_SIGNING_KEY_POLL_INTERVAL", "PT1S");

        // given a server that stored its first key before a key-encryption key was configured
        AuthServer server = AuthServer.start("sealed-keys", env);
        Session user = Accounts.signUp(Api.of(server));
        server.close();
        List<Row> plain = StoredSigningKeys.read(output, database);
        assertEquals(1, plain.size(), plain::toString);
        assertFalse(plain.get(0).privateKey().startsWith(SEALED), "stored sealed without a key-encryption key");

        // when it starts again with AUTH_KEY_ENCRYPTION_KEY, and an administrator rotates
        server = server.restartWith(Map.of("AUTH_KEY_ENCRYPTION_KEY", newKeyEncryptionKey()));
        try {
            Api api = Api.of(server);
            assertEquals(200, api.me(user.accessToken()).status(), "a token signed before the restart");
            var rotation = SigningKeysClient.rotate(api, SigningKeysClient.adminToken(api));
            Session fresh = SigningKeysClient.await(Duration.ofSeconds(30), "a token of the sealed new key", () -> {
                Session session = Accounts.logIn(api.from(Api.randomIp()), user.email());
                return SigningKeysClient.kidOf(session.accessToken()).equals(rotation.kid()) ? session : null;
            });
            assertEquals(200, api.me(fresh.accessToken()).status());
        } finally {
            server.close();
        }

        // then every stored private key is sealed, the old one's clear form is gone
        List<Row> sealed = StoredSigningKeys.read(output, database);
        assertEquals(2, sealed.size(), sealed::toString);
        for (Row row : sealed) {
            assertTrue(row.privateKey().startsWith(SEALED), () -> row.kid() + " is stored in clear");
            assertFalse(row.privateKey().contains(plain.get(0).privateKey()));
        }
    }

    private static String newKeyEncryptionKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
