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

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A user sees where they are logged in and ends a session they do not recognise. */
class SessionManagementIT {
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

    @Test
    void listsExactlyTheCallersLiveSessionsAndMarksTheCurrentOne() {
        // given
        Map<Session, Api> sessions = threeSessionsOfOneUser();
        Session caller = sessions.keySet().stream().filter(s -> sessions.get(s) == api).findFirst().orElseThrow();
        Session strangersSession = Accounts.signUp(Api.of(server));

        // when
        Reply list = api.get("/api/auth/sessions", caller.accessToken());

        // then
        assertEquals(200, list.status(), () -> "sessions: " + list);
        Map<String, JsonObject> listed = byId(list);
        assertEquals(sessions.keySet().stream().map(Session::sessionId).collect(Collectors.toSet()), listed.keySet(),
                "listed sessions");
        assertFalse(listed.containsKey(strangersSession.sessionId()), "another user's session is listed");
        sessions.forEach((session, from) -> {
            JsonObject item = listed.get(session.sessionId());
            assertEquals(session == caller, item.getBoolean("current"), () -> "current of " + item);
            assertSameAddress(from.clientIp(), item.getString("ip"));
            assertEquals("auth-it/1.0", item.getString("user_agent"), item::toString);
            Instant created = Instant.parse(item.getString("created_at"));
            Instant lastUsed = Instant.parse(item.getString("last_used_at"));
            assertFalse(lastUsed.isBefore(created), () -> "last used before created: " + item);
        });
    }

    @Test
    void revokedSessionsAreNotListed() {
        // given
        Map<Session, Api> sessions = threeSessionsOfOneUser();
        List<Session> all = List.copyOf(sessions.keySet());
        Session loggedOut = all.get(0);
        Session caller = all.get(1);
        assertEquals(204, api.post("/api/auth/logout", "{}", loggedOut.accessToken()).status());

        // when
        Reply list = api.get("/api/auth/sessions", caller.accessToken());

        // then
        assertEquals(200, list.status(), () -> "sessions: " + list);
        assertEquals(Set.of(all.get(1).sessionId(), all.get(2).sessionId()), byId(list).keySet());
    }

    @Test
    void deletingOnesOtherSessionRevokesIt() {
        // given
        Map<Session, Api> sessions = threeSessionsOfOneUser();
        List<Session> all = List.copyOf(sessions.keySet());
        Session caller = all.get(0);
        Session target = all.get(1);

        // when
        Reply delete = api.delete("/api/auth/sessions/" + target.sessionId(), caller.accessToken());
        long revokedAt = System.nanoTime();

        // then
        assertEquals(204, delete.status(), () -> "delete: " + delete);
        assertProblem(api.refresh(target.refreshToken()), 401);
        awaitAccessRefused(api, target.accessToken(), revokedAt);
        assertEquals(Set.of(caller.sessionId(), all.get(2).sessionId()),
                byId(api.get("/api/auth/sessions", caller.accessToken())).keySet());
        assertEquals(200, api.me(caller.accessToken()).status(), "the caller's own session was hit");
        assertEquals(200, api.me(all.get(2).accessToken()).status(), "a third session was hit");
    }

    @Test
    void deletingAnotherUsersSessionIsNotFoundAndLeavesItAlone() {
        // given
        Session caller = Accounts.signUp(api);
        Api victimsApi = Api.of(server);
        Session victim = Accounts.signUp(victimsApi);

        // when
        Reply delete = api.delete("/api/auth/sessions/" + victim.sessionId(), caller.accessToken());

        // then
        assertProblem(delete, 404);
        // a revoked session's refresh token is refused at once, so this is decisive without waiting
        assertEquals(200, victimsApi.refresh(victim.refreshToken()).status(), "the victim's session was revoked");
        assertEquals(200, victimsApi.me(victim.accessToken()).status(), "the victim's access token was refused");
    }

    @Test
    void deletingAnUnknownSessionIsNotFound() {
        // given
        Session caller = Accounts.signUp(api);

        // when
        Reply delete = api.delete("/api/auth/sessions/" + UUID.randomUUID(), caller.accessToken());

        // then
        assertProblem(delete, 404);
    }

    @Test
    void deletingASessionIdThatIsNoUuidIsNotFound() {
        // given
        Session caller = Accounts.signUp(api);

        // when
        Reply delete = api.delete("/api/auth/sessions/not-a-uuid", caller.accessToken());

        // then
        assertProblem(delete, 404);
        assertEquals(200, api.me(caller.accessToken()).status());
    }

    @Test
    void deletingASessionIsRecorded() {
        // given
        Map<Session, Api> sessions = threeSessionsOfOneUser();
        List<Session> all = List.copyOf(sessions.keySet());
        Session caller = all.get(0);
        Session target = all.get(2);

        // when
        assertEquals(204, api.delete("/api/auth/sessions/" + target.sessionId(), caller.accessToken()).status());

        // then
        JsonObject event = awaitEvent("type=SESSION_REVOKED&user_id=" + caller.userId(),
                e -> target.sessionId().equals(e.getString("session_id", null)));
        assertEquals("SUCCESS", event.getString("outcome"));
        assertEquals(caller.email(), event.getString("email"));
    }

    // ---- helpers

    /** Signup plus two logins of one user, each from an Api (IP address) of its own; the signup is {@code api}'s. */
    private Map<Session, Api> threeSessionsOfOneUser() {
        Map<Session, Api> sessions = new HashMap<>();
        Session first = Accounts.signUp(api);
        sessions.put(first, api);
        for (int i = 0; i < 2; i++) {
            Api from = Api.of(server);
            Reply reply = from.login(first.email(), Accounts.PASSWORD);
            assertEquals(200, reply.status(), () -> "login: " + reply);
            sessions.put(Session.of(first.email(), reply), from);
        }
        assertEquals(3, sessions.keySet().stream().map(Session::sessionId).distinct().count(),
                "logins did not start sessions of their own");
        return sessions;
    }

    private static Map<String, JsonObject> byId(Reply list) {
        assertEquals(200, list.status(), () -> "sessions: " + list);
        Map<String, JsonObject> byId = new HashMap<>();
        for (JsonValue item : list.items()) {
            JsonObject session = item.asJsonObject();
            assertTrue(byId.put(session.getString("id"), session) == null, () -> "listed twice: " + session);
        }
        return byId;
    }

    /** The same IP address, whatever its text form (IPv6 may be written with or without zero compression). */
    private static void assertSameAddress(String expected, String actual) {
        try {
            assertEquals(InetAddress.getByName(expected), InetAddress.getByName(actual),
                    () -> "ip " + actual + " is not the client's " + expected);
        } catch (UnknownHostException e) {
            fail("not an IP address: " + actual);
        }
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
