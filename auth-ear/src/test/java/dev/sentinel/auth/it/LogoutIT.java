package dev.sentinel.auth.it;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** US4: a user logs out of this device, of every other device, or of all of them. */
class LogoutIT {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;
    private static AuthServer server;
    private Api api;

    @BeforeAll
    static void startServer() {
        server = TestEnvironment.sharedServer();
    }

    @BeforeEach
    void client() {
        api = Api.of(server);
    }

    @ParameterizedTest(name = "body {0}")
    @NullSource
    @ValueSource(strings = {"{}", "{\"scope\":\"local\"}"})
    void localLogoutRevokesOnlyTheCallersSession(String body) {
        // given
        List<Session> sessions = threeSessionsOfOneUser();
        Session caller = sessions.get(0);

        // when
        Reply logout = api.send("POST", "/api/auth/logout", body, body == null ? null : "application/json",
                caller.accessToken(), Map.of());
        long revokedAt = System.nanoTime();

        // then
        assertEquals(204, logout.status(), () -> "logout: " + logout);
        assertProblem(api.refresh(caller.refreshToken()), 401);
        awaitAccessRefused(api, caller.accessToken(), revokedAt);
        for (Session other : sessions.subList(1, 3)) {
            assertStillWorks(other);
        }
    }

    @Test
    void othersLogoutKeepsOnlyTheCallersSession() {
        // given
        List<Session> sessions = threeSessionsOfOneUser();
        Session caller = sessions.get(1);

        // when
        Reply logout = api.post("/api/auth/logout", "{\"scope\":\"others\"}", caller.accessToken());
        long revokedAt = System.nanoTime();

        // then
        assertEquals(204, logout.status(), () -> "logout: " + logout);
        for (Session other : List.of(sessions.get(0), sessions.get(2))) {
            assertProblem(api.refresh(other.refreshToken()), 401);
        }
        for (Session other : List.of(sessions.get(0), sessions.get(2))) {
            awaitAccessRefused(api, other.accessToken(), revokedAt);
        }
        assertStillWorks(caller);
    }

    @Test
    void globalLogoutEndsEverySession() {
        // given
        List<Session> sessions = threeSessionsOfOneUser();
        Session caller = sessions.get(2);

        // when
        Reply logout = api.post("/api/auth/logout", "{\"scope\":\"global\"}", caller.accessToken());
        long revokedAt = System.nanoTime();

        // then
        assertEquals(204, logout.status(), () -> "logout: " + logout);
        for (Session session : sessions) {
            assertProblem(api.refresh(session.refreshToken()), 401);
        }
        for (Session session : sessions) {
            awaitAccessRefused(api, session.accessToken(), revokedAt);
        }
    }

    @Test
    void unknownScopeIsInvalidAndRevokesNothing() {
        // given
        List<Session> sessions = threeSessionsOfOneUser();

        // when
        Reply logout = api.post("/api/auth/logout", "{\"scope\":\"everywhere\"}", sessions.get(0).accessToken());

        // then
        assertProblem(logout, 400);
        assertErrorsName(logout, "scope");
        for (Session session : sessions) {
            assertStillWorks(session);
        }
    }

    @Test
    void logoutWithoutATokenIsUnauthorized() {
        // when
        Reply logout = api.send("POST", "/api/auth/logout", null, null, null, Map.of());

        // then
        assertProblem(logout, 401);
    }

    @Test
    void logoutWithATextBodyIsAnUnsupportedMediaTypeAndRevokesNothing() {
        // given
        Session session = Accounts.signUp(api);

        // when
        Reply logout = api.send("POST", "/api/auth/logout", "scope=global", "text/plain", session.accessToken(),
                Map.of());

        // then
        assertProblem(logout, 415);
        assertStillWorks(session);
    }

    @Test
    void logoutIsRecorded() {
        // given
        Session session = Accounts.signUp(api);

        // when
        assertEquals(204, api.post("/api/auth/logout", "{}", session.accessToken()).status());

        // then
        JsonObject event = awaitEvent("type=LOGOUT&user_id=" + session.userId(),
                e -> session.sessionId().equals(e.getString("session_id", null)));
        assertEquals("SUCCESS", event.getString("outcome"));
        assertEquals(session.email(), event.getString("email"));
        assertTrue(!event.toString().contains(session.accessToken()), "the event holds the access token");
    }

    // ---- helpers

    /** Signup plus two logins of the same user, each from an IP address of its own. */
    private List<Session> threeSessionsOfOneUser() {
        Session first = Accounts.signUp(api);
        Session second = login(api.from(Api.randomIp()), first.email());
        Session third = login(api.from(Api.randomIp()), first.email());
        assertEquals(3, java.util.Set.of(first.sessionId(), second.sessionId(), third.sessionId()).size(),
                "logins did not start sessions of their own");
        return List.of(first, second, third);
    }

    private static Session login(Api from, String email) {
        Reply reply = from.login(email, Accounts.PASSWORD);
        assertEquals(200, reply.status(), () -> "login: " + reply);
        return Session.of(email, reply);
    }

    /** The session's access token is accepted and its refresh token still rotates. */
    private void assertStillWorks(Session session) {
        Reply me = api.me(session.accessToken());
        assertEquals(200, me.status(), () -> "access token of a live session refused: " + me);
        Reply refresh = api.refresh(session.refreshToken());
        assertEquals(200, refresh.status(), () -> "refresh token of a live session refused: " + refresh);
    }

    /** Polls GET /api/auth/me until it answers 401; fails if that takes more than 1 s after the revocation. */
    private static void awaitAccessRefused(Api api, String accessToken, long revokedAtNanos) {
        long deadline = revokedAtNanos + ONE_SECOND_NANOS;
        Reply last;
        do {
            last = api.me(accessToken);
            if (last.status() == 401) {
                assertProblem(last, 401);
                return;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        fail("access token of a revoked session still accepted 1 s after the revocation: " + last);
    }

    /** Polls the admin API (as the admin) until an event of the query matches; at most 5 s. */
    private static JsonObject awaitEvent(String query, Predicate<JsonObject> match) {
        String admin = adminToken();
        long deadline = System.nanoTime() + 5 * ONE_SECOND_NANOS;
        Reply last;
        do {
            last = api().get("/api/admin/auth-events?" + query, admin);
            assertEquals(200, last.status(), "admin events: " + last);
            for (JsonValue item : last.items()) {
                if (match.test(item.asJsonObject())) {
                    return item.asJsonObject();
                }
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        return fail("no matching event for " + query + " within 5 s; last page: " + last);
    }

    private static String adminToken() {
        Reply login = api().login(TestEnvironment.ADMIN_EMAIL, TestEnvironment.ADMIN_PASSWORD);
        assertEquals(200, login.status(), () -> "admin login: " + login);
        return login.json().getString("access_token");
    }

    private static Api api() {
        return Api.of(server);
    }

    private static void assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), () -> "answer: " + reply);
        assertTrue(reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
                () -> "not problem+json: " + reply.contentType() + " " + reply);
        JsonObject problem = reply.json();
        for (String member : List.of("type", "title", "status", "detail")) {
            assertTrue(problem.containsKey(member), () -> "problem lacks " + member + ": " + reply);
        }
        assertEquals(status, problem.getInt("status"), reply::body);
    }

    private static void assertErrorsName(Reply reply, String field) {
        JsonObject problem = reply.json();
        assertTrue(problem.containsKey("errors"), () -> "no errors member: " + reply);
        assertTrue(problem.getJsonArray("errors").stream()
                        .anyMatch(error -> field.equals(error.asJsonObject().getString("field", null))),
                () -> "errors do not name " + field + ": " + reply);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
