package dev.sentinel.auth.it.support;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fresh accounts for tests, each with a unique email. */
public final class Accounts {
    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@it.example";
    }

    /** Signs up a fresh user and returns its token response. */
    public static Session signUp(Api api) {
        String email = uniqueEmail();
        Reply reply = api.signup(email, PASSWORD);
        assertEquals(201, reply.status(), () -> "signup failed: " + reply);
        return Session.of(email, reply);
    }

    /** What a client keeps after signup, login or refresh. */
    public record Session(String email, String accessToken, String refreshToken, String sessionId, String userId) {
        public static Session of(String email, Reply tokens) {
            var json = tokens.json();
            return new Session(email, json.getString("access_token"), json.getString("refresh_token"),
                    json.getString("session_id"), json.getJsonObject("user").getString("id"));
        }
    }
}
