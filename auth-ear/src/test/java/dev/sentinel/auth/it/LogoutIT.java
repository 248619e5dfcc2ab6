package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** US4: a user logs out of this device, of every other device, or of all of them. */
class LogoutIT extends SharedServerTest {
    @ParameterizedTest(name = "body {0}")
    @NullSource
    @ValueSource(strings = {"{}", "{\"scope\":\"local\"}"})
    void localLogoutRevokesOnlyTheCallersSession(String body) {
        // given
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);
        Session caller = sessions.get(0);

        // when
        Reply logout = api.send(
                "POST",
                "/api/auth/logout",
                body,
                body == null ? null : "application/json",
                caller.accessToken(),
                Map.of());
        long revokedAt = System.nanoTime();

        // then
        assertEquals(204, logout.status(), () -> "logout: " + logout);
        assertProblem(api.refresh(caller.refreshToken()), 401);
        assertRefusedWithinOneSecond(api, caller.accessToken(), revokedAt);
        for (Session other : sessions.subList(1, 3)) {
            assertStillWorks(other);
        }
    }

    @Test
    void othersLogoutKeepsOnlyTheCallersSession() {
        // given
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);
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
            assertRefusedWithinOneSecond(api, other.accessToken(), revokedAt);
        }
        assertStillWorks(caller);
    }

    @Test
    void globalLogoutEndsEverySession() {
        // given
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);
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
            assertRefusedWithinOneSecond(api, session.accessToken(), revokedAt);
        }
    }

    @Test
    void unknownScopeIsInvalidAndRevokesNothing() {
        // given
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);

        // when
        Reply logout = api.post(
                "/api/auth/logout",
                "{\"scope\":\"everywhere\"}",
                sessions.get(0).accessToken());

        // then
        assertValidationProblem(logout, "scope");
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
        Reply logout =
                api.send("POST", "/api/auth/logout", "scope=global", "text/plain", session.accessToken(), Map.of());

        // then
        assertProblem(logout, 415);
        assertStillWorks(session);
    }

    @Test
    void logoutIsRecorded() {
        // given
        Session session = Accounts.signUp(api);

        // when
        assertEquals(
                204, api.post("/api/auth/logout", "{}", session.accessToken()).status());

        // then
        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "type=LOGOUT&user_id=" + session.userId(),
                e -> session.sessionId().equals(e.getString("session_id", null)));
        assertEquals("SUCCESS", event.getString("outcome"));
        assertEquals(session.email(), event.getString("email"));
        assertTrue(!event.toString().contains(session.accessToken()), "the event holds the access token");
    }

    // ---- helpers

    /** The session's access token is accepted and its refresh token still rotates. */
    private void assertStillWorks(Session session) {
        Reply me = api.me(session.accessToken());
        assertEquals(200, me.status(), () -> "access token of a live session refused: " + me);
        Reply refresh = api.refresh(session.refreshToken());
        assertEquals(200, refresh.status(), () -> "refresh token of a live session refused: " + refresh);
    }
}
