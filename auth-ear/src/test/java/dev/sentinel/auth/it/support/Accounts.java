package dev.sentinel.auth.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Fresh accounts for tests, each with a unique email. */
public final class Accounts {
    public static final String PASSWORD = "correct horse battery";

    private Accounts() {}

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

    /** Logs an existing user (with {@link #PASSWORD}) in from the given client; fails unless 200. */
    public static Session logIn(Api from, String email) {
        Reply reply = from.login(email, PASSWORD);
        assertEquals(200, reply.status(), () -> "login: " + reply);
        return Session.of(email, reply);
    }

    /** Signup through {@code api} plus two logins of the same user, each from an IP address of its own. */
    public static List<Session> threeSessionsOfOneUser(Api api) {
        return sessionsOfOneUser(List.of(api, api.from(Api.randomIp()), api.from(Api.randomIp())));
    }

    /** One user's sessions, in the order of the clients: the first signs up, each other one logs in. */
    public static List<Session> sessionsOfOneUser(List<Api> clients) {
        List<Session> sessions = new ArrayList<>();
        Session first = signUp(clients.get(0));
        sessions.add(first);
        for (Api from : clients.subList(1, clients.size())) {
            sessions.add(logIn(from, first.email()));
        }
        assertEquals(
                clients.size(),
                sessions.stream().map(Session::sessionId).distinct().count(),
                "logins did not start sessions of their own");
        return sessions;
    }

    /** What a client keeps after signup, login or refresh. */
    public record Session(String email, String accessToken, String refreshToken, String sessionId, String userId) {
        public static Session of(String email, Reply tokens) {
            var json = tokens.json();
            return new Session(
                    email,
                    json.getString("access_token"),
                    json.getString("refresh_token"),
                    json.getString("session_id"),
                    json.getJsonObject("user").getString("id"));
        }
    }
}
