package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A user sees where they are logged in and ends a session they do not recognise. */
class SessionManagementIT extends SharedServerTest {
    @Test
    void listsExactlyTheCallersLiveSessionsAndMarksTheCurrentOne() {
        // given
        Map<Session, Api> sessions = threeSessionsOfOneUser();
        Session caller = sessions.keySet().stream()
                .filter(s -> sessions.get(s) == api)
                .findFirst()
                .orElseThrow();
        Session strangersSession = Accounts.signUp(Api.of(server));

        // when
        Reply list = api.get("/api/auth/sessions", caller.accessToken());

        // then
        assertEquals(200, list.status(), () -> "sessions: " + list);
        Map<String, JsonObject> listed = byId(list);
        assertEquals(
                sessions.keySet().stream().map(Session::sessionId).collect(Collectors.toSet()),
                listed.keySet(),
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
        assertEquals(
                204, api.post("/api/auth/logout", "{}", loggedOut.accessToken()).status());

        // when
        Reply list = api.get("/api/auth/sessions", caller.accessToken());

        // then
        assertEquals(200, list.status(), () -> "sessions: " + list);
        assertEquals(
                Set.of(all.get(1).sessionId(), all.get(2).sessionId()),
                byId(list).keySet());
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
        assertRefusedWithinOneSecond(api, target.accessToken(), revokedAt);
        assertEquals(
                Set.of(caller.sessionId(), all.get(2).sessionId()),
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
        assertEquals(
                204,
                api.delete("/api/auth/sessions/" + target.sessionId(), caller.accessToken())
                        .status());

        // then
        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "type=SESSION_REVOKED&user_id=" + caller.userId(),
                e -> target.sessionId().equals(e.getString("session_id", null)));
        assertEquals("SUCCESS", event.getString("outcome"));
        assertEquals(caller.email(), event.getString("email"));
    }

    // ---- helpers

    /** Signup plus two logins of one user, each from an Api (IP address) of its own; the signup is {@code api}'s. */
    private Map<Session, Api> threeSessionsOfOneUser() {
        List<Api> clients = List.of(api, Api.of(server), Api.of(server));
        List<Session> sessions = Accounts.sessionsOfOneUser(clients);
        Map<Session, Api> byClient = new HashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            byClient.put(sessions.get(i), clients.get(i));
        }
        return byClient;
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
            assertEquals(
                    InetAddress.getByName(expected),
                    InetAddress.getByName(actual),
                    () -> "ip " + actual + " is not the client's " + expected);
        } catch (UnknownHostException e) {
            fail("not an IP address: " + actual);
        }
    }
}
