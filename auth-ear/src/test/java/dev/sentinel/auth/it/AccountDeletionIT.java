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
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
