package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SecondFactors;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** As a user I want to delete my account, so that the service no longer holds it or my address. */
class AccountDeletionIT extends SharedServerTest {

    @Test
    void deletingTheAccountEndsItsSessionsAndItsEventsForgetTheAddress() {
        // given a user with two sessions
        List<Session> sessions = Accounts.sessionsOfOneUser(List.of(api, api.from(Api.randomIp())));
        Session caller = sessions.get(0);

        // when
        Reply delete = deleteMe(caller.accessToken(), Accounts.PASSWORD);
        long deletedAt = System.nanoTime();

        // then the account is gone: no session, no login, the address free again
        assertEquals(204, delete.status(), () -> "delete: " + delete);
        for (Session session : sessions) {
            assertProblem(api.refresh(session.refreshToken()), 401);
            assertRefusedWithinOneSecond(api, session.accessToken(), deletedAt);
        }
        assertProblem(api.login(caller.email(), Accounts.PASSWORD), 401);
        // and its events keep the user id but not the address
        AuditTrailClient audit = AuditTrailClient.asAdmin(server);
        JsonObject deleted =
                AuditTrailClient.awaitEvent(server, "type=USER_DELETED&user_id=" + caller.userId(), event -> true);
        assertFalse(deleted.containsKey("email") && !deleted.isNull("email"), deleted::toString);
        List<JsonObject> events = audit.events("user_id=" + caller.userId() + "&limit=500");
        assertTrue(events.size() > 1, "the user's earlier events are gone");
        for (JsonObject event : events) {
            assertTrue(
                    !event.containsKey("email") || event.get("email") == JsonValue.NULL,
                    () -> "an event keeps the address: " + event);
        }
        assertEquals(201, api.signup(caller.email(), Accounts.PASSWORD).status());
    }

    @Test
    void deletingTheAccountRemovesItsSecondFactorAndRecoveryCodes() throws SQLException {
        // given a user with a factor on, recovery codes and a login waiting for its second step
        SecondFactors.EnabledFactor user = SecondFactors.userWithFactor(api);
        String mfaToken = SecondFactors.passwordStep(api, user.email());

        // when
        assertEquals(
                204, deleteMe(user.session.accessToken(), Accounts.PASSWORD).status());

        // then nothing of the factor is left: the waiting login cannot complete with a recovery code
        assertProblem(SecondFactors.withRecoveryCode(api, mfaToken, user.recoveryCodes.get(0)), 401);
        // and a new account of the address starts without a factor
        Reply signup = api.signup(user.email(), Accounts.PASSWORD);
        assertEquals(201, signup.status(), signup::toString);
        assertFalse(signup.json().getJsonObject("user").getBoolean("mfa_enabled"));
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
        // and on MariaDB, where the tests can read the shared server's rows, none of the three tables names the user
        if (TestEnvironment.onMariaDb()) {
            try (Connection db = TestEnvironment.connectToMariaDb(TestEnvironment.sharedDatabaseName())) {
                for (String table : List.of("totp_factors", "recovery_codes", "mfa_challenges")) {
                    try (PreparedStatement rows =
                            db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?")) {
                        rows.setString(1, user.session.userId());
                        try (ResultSet count = rows.executeQuery()) {
                            count.next();
                            assertEquals(0, count.getInt(1), () -> table + " keeps rows of the deleted user");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aWrongPasswordDeletesNothing() {
        Session user = Accounts.signUp(api);

        assertProblem(deleteMe(user.accessToken(), "not the password"), 401);
        assertProblem(deleteMe(user.accessToken(), ""), 400);

        assertEquals(200, api.me(user.accessToken()).status());
        assertEquals(200, api.login(user.email(), Accounts.PASSWORD).status());
    }

    private Reply deleteMe(String accessToken, String password) {
        return api.send(
                "DELETE",
                "/api/auth/me",
                Api.json("current_password", password),
                "application/json",
                accessToken,
                Map.of());
    }
}
