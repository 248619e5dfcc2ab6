package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AdminApi;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As an administrator I want to find accounts and see their state, and to disable and enable them, so that I can
 * stop an account at once without deleting it (docs/api.md, /api/admin/users).
 */
class AdminUsersIT extends SharedServerTest {
    private AdminApi admin;

    @BeforeEach
    void logInAsAdmin() {
        admin = AdminApi.bootstrapAdmin(server);
    }

    @Test
    void theListFindsAnAccountByPartOfItsEmailAndShowsTheAdminView() {
        // given an account that logged in once
        String tag = UUID.randomUUID().toString().substring(0, 13);
        String email = "find-" + tag + "@it.example";
        assertEquals(201, api.signup(email, Accounts.PASSWORD).status());
        Accounts.logIn(api, email);

        // when an administrator searches for part of its address, in capitals
        Reply found = admin.list("query=" + encode(tag.toUpperCase()));

        // then it is the one item, with the user object and the admin fields
        assertEquals(200, found.status(), found::toString);
        assertEquals(1, found.items().size(), found::toString);
        JsonObject user = found.items().getJsonObject(0);
        assertEquals(email, user.getString("email"));
        assertEquals(List.of("user"), strings(user, "roles"));
        assertFalse(user.getBoolean("disabled"));
        assertFalse(user.getBoolean("email_verified"));
        assertEquals(JsonValue.NULL, user.get("locked_until"));
        assertNotNull(user.getString("last_login_at"));
        assertNotNull(user.getString("created_at"));
        assertEquals(JsonValue.NULL, user.get("display_name"));
        assertFalse(user.containsKey("sessions"), "sessions only in the answer about one account");
        assertEquals(JsonValue.NULL, found.json().get("next_cursor"));
    }

    @Test
    void theListPagesByCursorAndFiltersByStatus() {
        // given three accounts with a common tag, one of them disabled
        String tag = "page" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = List.of("a", "b", "c").stream()
                .map(prefix -> signUp(prefix + "-" + tag + "@it.example"))
                .toList();
        assertEquals(204, admin.act(ids.get(1), "disable").status());

        // when they are listed two at a time
        Reply first = admin.list("query=" + tag + "&limit=2");
        assertEquals(200, first.status(), first::toString);
        String cursor = first.json().getString("next_cursor");
        Reply second = admin.list("query=" + tag + "&limit=2&cursor=" + encode(cursor));

        // then the pages hold them in order of email, once each, and the last page has no cursor
        assertEquals(List.of("a-" + tag + "@it.example", "b-" + tag + "@it.example"), emails(first));
        assertEquals(List.of("c-" + tag + "@it.example"), emails(second));
        assertEquals(JsonValue.NULL, second.json().get("next_cursor"));

        // and the status filter tells the disabled one from the active ones
        assertEquals(List.of("b-" + tag + "@it.example"), emails(admin.list("query=" + tag + "&status=disabled")));
        assertEquals(
                List.of("a-" + tag + "@it.example", "c-" + tag + "@it.example"),
                emails(admin.list("query=" + tag + "&status=ACTIVE")));
        assertEquals(List.of(), emails(admin.list("query=" + tag + "&status=locked")));
    }

    @Test
    void badListParametersAreNamedIn400Problems() {
        assertValidationProblem(admin.list("limit=0"), "limit");
        assertValidationProblem(admin.list("limit=201"), "limit");
        assertValidationProblem(admin.list("limit=ten"), "limit");
        assertValidationProblem(admin.list("cursor=not-a-cursor"), "cursor");
        assertValidationProblem(admin.list("cursor=" + encode("%%%")), "cursor");
        assertValidationProblem(admin.list("status=sleeping"), "status");
        assertValidationProblem(admin.list("query=" + "x".repeat(300)), "query");
        assertValidationProblem(admin.list("status=sleeping&limit=-1"), "status", "limit");
    }

    @Test
    void unknownOrMalformedUserIdsAre404Problems() {
        String unknown = UUID.randomUUID().toString();
        for (String id : List.of(unknown, "not-a-uuid", "1", "%20")) {
            assertProblem(admin.user(id), 404);
            assertProblem(admin.act(id, "disable"), 404);
            assertProblem(admin.act(id, "enable"), 404);
            assertProblem(admin.act(id, "unlock"), 404);
            assertProblem(admin.act(id, "sessions/revoke"), 404);
            assertProblem(admin.setRoles(id, "user"), 404);
            assertProblem(admin.delete(id), 404);
        }
    }

    @Test
    void withoutATokenEveryCallIs401AndANonAdminGets403RecordedAsAccessDenied() {
        Accounts.Session user = Accounts.signUp(api);
        AdminApi anonymous = new AdminApi(api, null, null);
        AdminApi nonAdmin = new AdminApi(api, user.accessToken(), user.userId());

        for (AdminApi caller : List.of(anonymous, nonAdmin)) {
            int expected = caller == anonymous ? 401 : 403;
            assertProblem(caller.list(null), expected);
            assertProblem(caller.user(user.userId()), expected);
            assertProblem(caller.act(user.userId(), "disable"), expected);
            assertProblem(caller.act(user.userId(), "enable"), expected);
            assertProblem(caller.act(user.userId(), "unlock"), expected);
            assertProblem(caller.act(user.userId(), "sessions/revoke"), expected);
            assertProblem(caller.setRoles(user.userId(), "admin"), expected);
            assertProblem(caller.delete(user.userId()), expected);
        }
        AuditTrailClient.awaitEvent(
                server,
                "type=ACCESS_DENIED&user_id=" + user.userId(),
                event -> event.getString("reason").contains("admin/users"));
        assertEquals(200, api.me(user.accessToken()).status(), "the refused calls changed nothing");
    }

    @Test
    void theDetailShowsTheLiveSessionsOfTheAccount() {
        List<Accounts.Session> sessions = Accounts.threeSessionsOfOneUser(api);
        String userId = sessions.get(0).userId();
        assertEquals(
                204,
                api.post("/api/auth/logout", "{}", sessions.get(2).accessToken())
                        .status());

        Reply detail = admin.user(userId);

        assertEquals(200, detail.status(), detail::toString);
        assertEquals(userId, detail.json().getString("id"));
        List<String> live = detail.json().getJsonArray("sessions").stream()
                .map(session -> session.asJsonObject().getString("id"))
                .sorted()
                .toList();
        assertEquals(
                List.of(sessions.get(0).sessionId(), sessions.get(1).sessionId()).stream()
                        .sorted()
                        .toList(),
                live);
        JsonObject one = detail.json().getJsonArray("sessions").getJsonObject(0);
        for (String field : List.of("created_at", "last_used_at", "ip", "user_agent", "current")) {
            assertTrue(one.containsKey(field), () -> "session lacks " + field + ": " + one);
        }
        assertFalse(one.getBoolean("current"));
    }

    @Test
    void disablingEndsEverySessionAndLoginIsRefusedOnlyAfterTheRightPassword() {
        // given a user with two sessions
        List<Accounts.Session> sessions = Accounts.sessionsOfOneUser(List.of(api, api.from(Api.randomIp())));
        Accounts.Session user = sessions.get(0);

        // when an administrator disables the account
        Reply disabled = admin.act(user.userId(), "disable");
        long disabledAt = System.nanoTime();

        // then both sessions' access tokens die within a second, and their refresh tokens at once
        assertEquals(204, disabled.status(), disabled::toString);
        for (Accounts.Session session : sessions) {
            assertRefusedWithinOneSecond(api, session.accessToken(), disabledAt);
            assertProblem(api.refresh(session.refreshToken()), 401);
        }
        // and the right password gets 403 account-disabled, a wrong one the usual 401
        JsonObject refused = assertProblem(api.from(Api.randomIp()).login(user.email(), Accounts.PASSWORD), 403);
        assertTrue(refused.getString("type").endsWith("account-disabled"), refused::toString);
        JsonObject wrong = assertProblem(api.from(Api.randomIp()).login(user.email(), "a wrong password"), 401);
        assertFalse(wrong.toString().contains("disabled"), wrong::toString);

        // and the admin view says so, without sessions
        Reply detail = admin.user(user.userId());
        assertTrue(detail.json().getBoolean("disabled"), detail::toString);
        assertTrue(detail.json().getJsonArray("sessions").isEmpty(), detail::toString);

        // and the event names the administrator as actor
        JsonObject event = AuditTrailClient.awaitEvent(
                server, "type=USER_DISABLED&user_id=" + user.userId(), e -> "SUCCESS".equals(e.getString("outcome")));
        assertEquals(admin.adminId(), event.getString("actor_id"));
        assertEquals(user.email(), event.getString("email"));

        // when it is enabled again, the password logs in
        assertEquals(204, admin.act(user.userId(), "enable").status());
        Accounts.logIn(api.from(Api.randomIp()), user.email());
        assertFalse(admin.user(user.userId()).json().getBoolean("disabled"));
        AuditTrailClient.awaitEvent(
                server,
                "type=USER_ENABLED&actor_id=" + admin.adminId(),
                e -> user.userId().equals(e.getString("user_id")));
    }

    @Test
    void revokingTheSessionsEndsEveryOneButLeavesTheAccountUsable() {
        List<Accounts.Session> sessions = Accounts.sessionsOfOneUser(List.of(api, api.from(Api.randomIp())));
        Accounts.Session user = sessions.get(0);

        assertEquals(204, admin.act(user.userId(), "sessions/revoke").status());
        long revokedAt = System.nanoTime();

        for (Accounts.Session session : sessions) {
            assertRefusedWithinOneSecond(api, session.accessToken(), revokedAt);
            assertProblem(api.refresh(session.refreshToken()), 401);
        }
        Accounts.logIn(api.from(Api.randomIp()), user.email());
        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "type=SESSION_REVOKED&user_id=" + user.userId(),
                e -> admin.adminId().equals(e.getString("actor_id", null)));
        assertEquals("SUCCESS", event.getString("outcome"));
    }

    @Test
    void theEventsCanBeFilteredByActorAndABadActorIdIs400() {
        String userId = signUp(Accounts.uniqueEmail());
        assertEquals(204, admin.act(userId, "unlock").status());

        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "actor_id=" + admin.adminId() + "&type=USER_UNLOCKED",
                e -> userId.equals(e.getString("user_id")));

        assertEquals(admin.adminId(), event.getString("actor_id"));
        assertValidationProblem(admin.api().get("/api/admin/auth-events?actor_id=nobody", admin.token()), "actor_id");
    }

    private String signUp(String email) {
        Reply reply = api.signup(email, Accounts.PASSWORD);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().getJsonObject("user").getString("id");
    }

    private static List<String> emails(Reply page) {
        assertEquals(200, page.status(), page::toString);
        return page.items().stream()
                .map(item -> item.asJsonObject().getString("email"))
                .toList();
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).stream()
                .map(value -> ((jakarta.json.JsonString) value).getString())
                .toList();
    }
}
