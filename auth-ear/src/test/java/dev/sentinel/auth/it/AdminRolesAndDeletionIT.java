package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AdminApi;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As an administrator I want to give and take roles and to delete accounts: a role given reaches the user's
 * tokens at their next refresh, a role taken away ends their sessions at once, and a deleted account leaves
 * its events without its address.
 */
class AdminRolesAndDeletionIT extends SharedServerTest {
    private AdminApi admin;

    @BeforeEach
    void logInAsAdmin() {
        admin = AdminApi.bootstrapAdmin(server);
    }

    @Test
    void aRoleGivenReachesTheTokensAtTheNextRefresh() {
        // given a user with a session
        Accounts.Session user = Accounts.signUp(api);

        // when an administrator makes them an administrator
        Reply changed = admin.setRoles(user.userId(), "admin");

        // then the answer is the admin view with both roles, and the old access token still has only "user"
        assertEquals(200, changed.status(), changed::toString);
        assertEquals(List.of("admin", "user"), strings(changed.json(), "roles"));
        assertEquals(List.of("user"), groups(user.accessToken()));
        assertProblem(api.get(AdminApi.USERS, user.accessToken()), 403);

        // and the next refresh carries the new role, which opens the admin API
        Reply refreshed = api.refresh(user.refreshToken());
        assertEquals(200, refreshed.status(), refreshed::toString);
        String promoted = refreshed.json().getString("access_token");
        assertEquals(List.of("admin", "user"), groups(promoted));
        assertEquals(200, api.get(AdminApi.USERS + "?limit=1", promoted).status());

        // and the event names the roles and the administrator
        JsonObject event = AuditTrailClient.awaitEvent(
                server,
                "type=USER_ROLES_CHANGED&user_id=" + user.userId(),
                e -> admin.adminId().equals(e.getString("actor_id", null)));
        assertEquals("admin,user", event.getString("reason"));
    }

    @Test
    void aRoleTakenAwayEndsTheSessionsAtOnce() {
        // given an administrator other than the bootstrap one, logged in
        Accounts.Session user = Accounts.signUp(api);
        assertEquals(200, admin.setRoles(user.userId(), "admin", "user").status());
        Accounts.Session promoted = Accounts.logIn(api.from(Api.randomIp()), user.email());
        assertEquals(List.of("admin", "user"), groups(promoted.accessToken()));

        // when the role is taken away
        Reply demoted = admin.setRoles(user.userId(), "user");
        long demotedAt = System.nanoTime();

        // then no token of theirs works any more, and a new login has only "user"
        assertEquals(200, demoted.status(), demoted::toString);
        assertEquals(List.of("user"), strings(demoted.json(), "roles"));
        assertRefusedWithinOneSecond(api, promoted.accessToken(), demotedAt);
        assertProblem(api.refresh(promoted.refreshToken()), 401);
        Accounts.Session again = Accounts.logIn(api.from(Api.randomIp()), user.email());
        assertEquals(List.of("user"), groups(again.accessToken()));
    }

    @Test
    void badRoleBodiesAre400AndChangeNothing() {
        Accounts.Session user = Accounts.signUp(api);
        String path = AdminApi.USERS + "/" + user.userId() + "/roles";

        assertValidationProblem(admin.setRoles(user.userId(), "root"), "roles");
        assertValidationProblem(put(path, "{\"roles\":[1]}"), "roles");
        assertValidationProblem(put(path, "{\"roles\":\"admin\"}"), "roles");
        assertValidationProblem(put(path, "{}"), "roles");
        assertValidationProblem(put(path, "{\"roles\":[null]}"), "roles");
        assertValidationProblem(
                admin.setRoles(user.userId(), Collections.nCopies(9, "admin").toArray(String[]::new)), "roles");
        assertProblem(put(path, "{\"roles\":"), 400);
        assertProblem(put(path, ""), 400);
        assertProblem(admin.api().send("PUT", path, "roles=admin", "text/plain", admin.token(), Map.of()), 415);

        assertEquals(List.of("user"), strings(admin.user(user.userId()).json(), "roles"));
    }

    @Test
    void aDeletedAccountIsGoneAndItsEventsKeepTheUserIdWithoutTheAddress() {
        // given a user with a session and some events
        Accounts.Session user = Accounts.signUp(api);
        AuditTrailClient trail = AuditTrailClient.asAdmin(server);
        trail.await("type=SIGNUP&user_id=" + user.userId(), e -> true, "signup event");

        // when an administrator deletes the account
        Reply deleted = admin.delete(user.userId());
        long deletedAt = System.nanoTime();

        // then it is gone: its token dies, its password no longer logs in, the admin API no longer knows it
        assertEquals(204, deleted.status(), deleted::toString);
        assertRefusedWithinOneSecond(api, user.accessToken(), deletedAt);
        assertProblem(api.refresh(user.refreshToken()), 401);
        assertProblem(api.from(Api.randomIp()).login(user.email(), Accounts.PASSWORD), 401);
        assertProblem(admin.user(user.userId()), 404);
        assertProblem(admin.delete(user.userId()), 404);

        // and its events keep the user id but not the address; USER_DELETED names the administrator
        JsonObject event = trail.await(
                "type=USER_DELETED&user_id=" + user.userId(),
                e -> "SUCCESS".equals(e.getString("outcome")),
                "USER_DELETED");
        assertEquals(admin.adminId(), event.getString("actor_id"));
        List<JsonObject> events = trail.events("user_id=" + user.userId());
        assertTrue(events.size() >= 2, () -> "events: " + events);
        events.forEach(e -> assertFalse(e.containsKey("email") && !e.isNull("email"), () -> "address kept: " + e));
        // (the login tried after the deletion is recorded with the address it named, and no user)
        trail.events("email=" + AuditTrailClient.encode(user.email()))
                .forEach(e -> assertFalse(e.containsKey("user_id"), () -> "address and user together: " + e));
    }

    private Reply put(String path, String body) {
        return admin.api().send("PUT", path, body, "application/json", admin.token(), Map.of());
    }

    private static List<String> groups(String accessToken) {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            return strings(reader.readObject(), "groups");
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).stream()
                .map(value -> ((JsonString) value).getString())
                .sorted()
                .toList();
    }
}
