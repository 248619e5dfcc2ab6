package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A user changes their password, which ends every other session (one of them may be an intruder's). */
class PasswordChangeIT extends SharedServerTest {
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Test
    void changingThePasswordRevokesEveryOtherSessionButTheCallers() {
        // given
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);
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
            assertRefusedWithinOneSecond(api, other.accessToken(), revokedAt);
        }
        assertEquals(200, api.me(caller.accessToken()).status(), "the caller's access token was revoked");
        assertEquals(200, api.refresh(caller.refreshToken()).status(), "the caller's refresh token was revoked");
    }

    @Test
    void afterAChangeOnlyTheNewPasswordLogsIn() {
        // given
        Session session = Accounts.signUp(api);
        assertEquals(
                204, changePassword(session, Accounts.PASSWORD, NEW_PASSWORD).status());

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
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);
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
        List<Session> sessions = Accounts.threeSessionsOfOneUser(api);

        // when
        Reply change = changePassword(sessions.get(0), Accounts.PASSWORD, "7 chars");

        // then
        assertValidationProblem(change, "new_password");
        assertEquals(200, api.refresh(sessions.get(1).refreshToken()).status(), "another session was revoked");
        assertEquals(
                200,
                api.login(sessions.get(0).email(), Accounts.PASSWORD).status(),
                "the old password stopped working");
    }

    @Test
    void aCommonNewPasswordIsInvalidAndChangesNothing() {
        // given
        Session session = Accounts.signUp(api);

        // when
        Reply change = changePassword(session, Accounts.PASSWORD, "Password1!");

        // then
        assertValidationProblem(change, "new_password");
        assertEquals(200, api.login(session.email(), Accounts.PASSWORD).status(), "the old password stopped working");
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLoginsAndLockThatClient() {
        // given a session, whose access token a thief uses to guess the password
        Session session = Accounts.signUp(api);
        for (int i = 0; i < 5; i++) { // the lockout threshold
            assertProblem(changePassword(session, "guess number " + i, NEW_PASSWORD), 401);
        }

        // when the thief, then the owner from a client of their own, bring the right password
        Reply change = changePassword(session, Accounts.PASSWORD, NEW_PASSWORD);
        Reply login = api.login(session.email(), Accounts.PASSWORD);
        Reply owner = Api.of(server).login(session.email(), Accounts.PASSWORD);

        // then the thief is locked out of both, and the password is unchanged
        assertProblem(change, 429);
        assertProblem(login, 429);
        assertEquals(200, owner.status(), () -> "the owner was locked out: " + owner);
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
        String body = Api.json(
                "current_password",
                "current_password".equals(missing) ? null : Accounts.PASSWORD,
                "new_password",
                "new_password".equals(missing) ? null : NEW_PASSWORD);

        // when
        Reply change = api.post("/api/auth/password", body, session.accessToken());

        // then
        assertValidationProblem(change, missing);
        assertEquals(200, api.login(session.email(), Accounts.PASSWORD).status(), "the password was changed");
    }

    @Test
    void anEmptyObjectNamesBothFields() {
        // given
        Session session = Accounts.signUp(api);

        // when
        Reply change = api.post("/api/auth/password", "{}", session.accessToken());

        // then
        assertValidationProblem(change, "current_password", "new_password");
    }

    @Test
    void changingThePasswordWithoutATokenIsUnauthorized() {
        // when
        Reply change = api.post(
                "/api/auth/password", Api.json("current_password", Accounts.PASSWORD, "new_password", NEW_PASSWORD));

        // then
        assertProblem(change, 401);
    }

    @Test
    void passwordChangeIsRecorded() {
        // given
        Session session = Accounts.signUp(api);

        // when
        assertEquals(
                204, changePassword(session, Accounts.PASSWORD, NEW_PASSWORD).status());

        // then
        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "type=PASSWORD_CHANGED&user_id=" + session.userId(),
                e -> "SUCCESS".equals(e.getString("outcome", null)));
        assertEquals(session.sessionId(), event.getString("session_id", null));
        assertEquals(session.email(), event.getString("email"));
        assertTrue(
                !event.toString().contains(NEW_PASSWORD) && !event.toString().contains(Accounts.PASSWORD),
                "the event holds a password");
    }

    // ---- helpers

    private Reply changePassword(Session session, String currentPassword, String newPassword) {
        return api.post(
                "/api/auth/password",
                Api.json("current_password", currentPassword, "new_password", newPassword),
                session.accessToken());
    }
}
