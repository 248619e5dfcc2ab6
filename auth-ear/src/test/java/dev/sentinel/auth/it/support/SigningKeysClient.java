package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/** What a relying party and an operator see of the signing keys: the JWKS, token headers, the rotate call. */
public final class SigningKeysClient {
    public static final String ROTATE = "/api/admin/signing-keys/rotate";

    private SigningKeysClient() {}

    /** The kids the server publishes now. */
    public static List<String> publishedKids(Api api) {
        Reply jwks = api.get("/api/auth/jwks", null);
        assertEquals(200, jwks.status(), jwks::toString);
        return jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("kid"))
                .toList();
    }

    /** The JOSE header of a token, read without verifying anything. */
    public static JsonObject headerOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return new Reply(200, java.util.Map.of(), header).json();
    }

    public static String kidOf(String token) {
        return headerOf(token).getString("kid");
    }

    /** An administrator's access token (TestEnvironment's bootstrap account). */
    public static String adminToken(Api api) {
        Reply login = api.login(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        assertEquals(200, login.status(), () -> "admin login: " + login);
        return login.json().getString("access_token");
    }

    /** Rotates as administrator; fails unless 200. */
    public static Rotation rotate(Api api, String adminToken) {
        Reply reply = api.post(ROTATE, null, adminToken);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject json = reply.json();
        return new Rotation(
                json.getString("kid"),
                Instant.parse(json.getString("publishes_at")),
                Instant.parse(json.getString("signs_from")));
    }

    /** Polls until {@code done} answers a value, or fails naming {@code what}. */
    public static <T> T await(Duration deadline, String what, Supplier<T> done) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            T value = done.get();
            if (value != null) {
                return value;
            }
            if (Instant.now().isAfter(end)) {
                return fail(what + " did not happen within " + deadline);
            }
            Pause.millis(200);
        }
    }

    public record Rotation(String kid, Instant publishesAt, Instant signsFrom) {}
}
