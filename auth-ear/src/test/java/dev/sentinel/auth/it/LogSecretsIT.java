package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secrets (passwords, refresh tokens, access tokens, the signing key) never appear in the server's log,
 * whatever the request did. The traffic is sent once; each test scans the log for one kind of secret.
 */
class LogSecretsIT extends SharedServerTest {
    private static final Duration EVENT_DEADLINE = Duration.ofSeconds(5);

    private static String email;
    private static String userId;
    private static final List<String> passwords = new ArrayList<>();
    private static final List<String> refusedRequestPasswords = new ArrayList<>();
    private static final List<String> refreshTokens = new ArrayList<>();
    private static final List<String> accessTokens = new ArrayList<>();

    @BeforeAll
    static void sendTrafficWithDistinctiveSecrets() {
        String marker = UUID.randomUUID().toString().replace("-", "");
        email = "logscan-" + marker + "@it.example";
        String password = "Signup-Secret-" + marker;
        String wrongPassword = "Wrong-Secret-" + marker;
        passwords.add(password);
        passwords.add(wrongPassword);

        // signup, login, refresh and a failed login
        Api api = Api.of(server);
        Reply signup = api.signup(email, password);
        assertEquals(201, signup.status(), signup::toString);
        userId = signup.json().getJsonObject("user").getString("id");
        collectTokens(signup);
        Reply login = api.login(email, password);
        assertEquals(200, login.status(), login::toString);
        collectTokens(login);
        Reply refresh = api.refresh(login.json().getString("refresh_token"));
        assertEquals(200, refresh.status(), refresh::toString);
        collectTokens(refresh);
        Reply failed = api.login(email, wrongPassword);
        assertEquals(401, failed.status(), failed::toString);
        String unknownRefreshToken = "Unknown-Refresh-" + marker;
        refreshTokens.add(unknownRefreshToken);
        assertEquals(401, api.refresh(unknownRefreshToken).status());
        Reply me = api.me(refresh.json().getString("access_token"));
        assertEquals(200, me.status(), me::toString);

        // requests refused before any password check, each carrying a password of its own
        Api other = Api.of(server);
        String malformed = "Malformed-Secret-" + marker;
        other.post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + malformed + "\"");
        String plainText = "PlainText-Secret-" + marker;
        other.send(
                "POST",
                "/api/auth/signup",
                Api.json("email", email, "password", plainText),
                "text/plain",
                null,
                Map.of());
        String invalidEmail = "InvalidEmail-Secret-" + marker;
        other.signup("not-an-email-" + marker, invalidEmail);
        String mistyped = "Mistyped-Secret-" + marker;
        other.post("/api/auth/login", "{\"email\":{\"x\":1},\"password\":\"" + mistyped + "\"}");
        String tooLong = "TooLong-Secret-" + marker + "-" + "z".repeat(120);
        other.signup(Accounts.uniqueEmail(), tooLong);
        refusedRequestPasswords.addAll(List.of(malformed, plainText, invalidEmail, mistyped, tooLong));

        awaitAuthEventsInTheLog();
    }

    @Test
    void passwordsOfSignupLoginAndFailedLoginNeverReachTheLog() {
        // given the traffic above
        String logs = server.logs();

        // then
        passwords.forEach(password -> assertAbsent(logs, password, "a password"));
    }

    @Test
    void passwordsOfRefusedRequestsNeverReachTheLog() {
        // given the traffic above
        String logs = server.logs();

        // then
        refusedRequestPasswords.forEach(password -> assertAbsent(logs, password, "a password of a refused request"));
    }

    @Test
    void adminPasswordFromTheEnvironmentNeverReachesTheLog() {
        assertAbsent(server.logs(), TestEnvironment.ADMIN_PASSWORD, "the admin password");
    }

    @Test
    void refreshTokensNeverReachTheLog() {
        // given the traffic above
        String logs = server.logs();

        // then
        refreshTokens.forEach(token -> assertAbsent(logs, token, "a refresh token"));
    }

    @Test
    void accessTokensNeverReachTheLog() {
        // given the traffic above
        String logs = server.logs();

        // then
        for (String token : accessTokens) {
            String[] parts = token.split("\\.");
            assertAbsent(logs, parts[2], "an access token's signature");
            assertAbsent(logs, parts[1] + "." + parts[2], "an access token's payload and signature");
        }
    }

    @Test
    void signingKeyNeverReachesTheLog() {
        // given
        String logs = server.logs();
        String privateKeyBase64 = Base64.getEncoder()
                .encodeToString(TestKeys.signingKey().getPrivate().getEncoded());

        // then
        assertAbsent(logs, "BEGIN PRIVATE KEY", "a PEM private key");
        assertAbsent(logs, privateKeyBase64.substring(100, 164), "the signing key's bytes");
    }

    private static void collectTokens(Reply tokens) {
        accessTokens.add(tokens.json().getString("access_token"));
        refreshTokens.add(tokens.json().getString("refresh_token"));
    }

    /**
     * The scan means something only once the events of the traffic are written (asynchronously); the shared
     * server logs each auth event as a JSON line, so wait for the refresh and the failed login of our user.
     */
    private static void awaitAuthEventsInTheLog() {
        Instant deadline = Instant.now().plus(EVENT_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            List<String> ours = server.logs()
                    .lines()
                    .filter(line -> line.contains(userId) || line.contains(email))
                    .toList();
            boolean refreshed = ours.stream().anyMatch(line -> line.contains("TOKEN_REFRESH"));
            boolean failedLogin = ours.stream().anyMatch(line -> line.contains("LOGIN") && line.contains("FAILURE"));
            if (refreshed && failedLogin) {
                return;
            }
            Pause.millis(100);
        }
        fail("the auth events of " + email + " did not reach the log within " + EVENT_DEADLINE);
    }

    private static void assertAbsent(String logs, String secret, String what) {
        int at = logs.indexOf(secret);
        assertFalse(
                at >= 0,
                () -> "the log contains " + what + ": ..."
                        + logs.substring(Math.max(0, at - 200), Math.min(logs.length(), at + secret.length() + 50))
                        + "...");
    }
}
