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
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A user changes their password, which ends every other session (one of them may be an intruder's). */
class PasswordChangeIT {
    private static final long ONE_SECOND_NANOS = 1_000_000_000L;
    private static final String NEW_PASSWORD = "a brand new passphrase";
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
    void changingThePasswordRevokesEveryOtherSessionButTheCallers() {
        // given
        List<Session> sessions = threeSessionsOfOneUser();
        Session caller = sessions.get(0);

        // when
        Reply change = changePassword(caller, Accounts.PASSWORD, NEW_PASSWORD);
        long revokedAt = System.nanoTime();

        // then
        assertEquals(204, change.status(), () -> "password change: " + change);
        assertEquals("", change.body());
        for (Session other : sessions.subList(1, 3)) {
            assertProblem(api.refresh(other.refreshToken()), 401);
        }
        for (Session other : sessions.subList(1, 3)) {
            awaitAccessRefused(api, other.accessToken(), revokedAt);
        }
        assertEquals(200, api.me(caller.accessToken()).status(), "the caller's access token was revoked");
        assertEquals(200, api.refresh(caller.refreshToken()).status(), "the caller's refresh token was revoked");
    }

    @Test
    void afterAChangeOnlyTheNewPasswordLogsIn() {
        // given
        Session session = Accounts.signUp(api);
        assertEquals(204, changePassword(session, Accounts.PASSWORD, NEW_PASSWORD).status());

        // when
        Reply withOld = api.login(session.email(), Accounts.PASSWORD);
        Reply withNew = api.login(session.email(), NEW_PASSWORD);

        // then
        assertProblem(withOld, 401);
        assertEquals(200, withNew.status(), () -> "login with the new password: " + withNew);
        assertEquals(session.userId(), withNew.json().getJsonObject("user").getString("id"));
    }

    @Test
    void wrongCurrentPasswordIsRefusedAndChangesNothing() {
        // given
        List<Session> sessions = threeSessionsOfOneUser();
        Session caller = sessions.get(0);

        // when
        Reply change = changePassword(caller, "not the current password", NEW_PASSWORD);

        // then
        assertProblem(change, 401);
        for (Session session : sessions) {
            assertEquals(200, api.refresh(session.refreshToken()).status(), "a session was revoked");
        }
        assertEquals(200, api.me(caller.accessToken()).status(), "the caller's access token was revoked");
        assertProblem(api.login(caller.email(), NEW_PASSWORD), 401);
        assertEquals(200, api.login(caller.email(), Accounts.PASSWORD).status(), "the old password stopped working");
    }

    @Test
    void newPasswordOfSevenCharactersIsInvalid() {
        // given
        List<Session> sessions = threeSessionsOfOneUser();

        // when
        Reply change = changePassword(sessions.get(0), Accounts.PASSWORD, "7 chars");

        // then
        assertProblem(change, 400);
        assertErrorsName(change, "new_password");
        assertEquals(200, api.refresh(sessions.get(1).refreshToken()).status(), "another session was revoked");
        assertEquals(200, api.login(sessions.get(0).email(), Accounts.PASSWORD).status(),
                "the old password stopped working");
    }

    @Test
    void newPasswordOfEightCharactersIsAccepted() {
        // given
        Session session = Accounts.signUp(api);

        // when
        Reply change = changePassword(session, Accounts.PASSWORD, "8 chars!");

        // then
        assertEquals(204, change.status(), () -> "password change: " + change);
        assertEquals(200, api.login(session.email(), "8 chars!").status());
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"current_password", "new_password"})
    void aMissingFieldIsInvalid(String missing) {
        // given
        Session session = Accounts.signUp(api);
        String body = Api.json("current_password", "current_password".equals(missing) ? null : Accounts.PASSWORD,
                "new_password", "new_password".equals(missing) ? null : NEW_PASSWORD);

        // when
        Reply change = api.post("/api/auth/password", body, session.accessToken());

        // then
        assertProblem(change, 400);
        assertErrorsName(change, missing);
        assertEquals(200, api.login(session.email(), Accounts.PASSWORD).status(), "the password was changed");
    }

    @Test
    void anEmptyObjectNamesBothFields() {
        // given
        Session session = Accounts.signUp(api);

        // when
        Reply change = api.post("/api/auth/password", "{}", session.accessToken());

        // then
        assertProblem(change, 400);
        assertErrorsName(change, "current_password");
        assertErrorsName(change, "new_password");
    }

    @Test
    void changingThePasswordWithoutATokenIsUnauthorized() {
        // when
        Reply change = api.post("/api/auth/password",
                Api.json("current_password", Accounts.PASSWORD, "new_password", NEW_PASSWORD));

        // then
        assertProblem(change, 401);
    }

    @Test
    void passwordChangeIsRecorded() {
        // given
        Session session = Accounts.signUp(api);

        // when
        assertEquals(204, changePassword(session, Accounts.PASSWORD, NEW_PASSWORD).status());

        // then
        JsonObject event = awaitEvent("type=PASSWORD_CHANGED&user_id=" + session.userId(),
                e -> "SUCCESS".equals(e.getString("outcome", null)));
        assertEquals(session.sessionId(), event.getString("session_id", null));
        assertEquals(session.email(), event.getString("email"));
        assertTrue(!event.toString().contains(NEW_PASSWORD) && !event.toString().contains(Accounts.PASSWORD),
                "the event holds a password");
    }

    // ---- helpers

    private Reply changePassword(Session session, String currentPassword, String newPassword) {
        return api.post("/api/auth/password",
                Api.json("current_password", currentPassword, "new_password", newPassword), session.accessToken());
    }

    /** Signup plus two logins of the same user, each from an IP address of its own. */
    private List<Session> threeSessionsOfOneUser() {
        Session first = Accounts.signUp(api);
        Session second = login(Api.of(server), first.email());
        Session third = login(Api.of(server), first.email());
        assertEquals(3, java.util.Set.of(first.sessionId(), second.sessionId(), third.sessionId()).size(),
                "logins did not start sessions of their own");
        return List.of(first, second, third);
    }

    private static Session login(Api from, String email) {
        Reply reply = from.login(email, Accounts.PASSWORD);
        assertEquals(200, reply.status(), () -> "login: " + reply);
        return Session.of(email, reply);
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
