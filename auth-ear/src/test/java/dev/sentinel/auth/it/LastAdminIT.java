package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertTooManyRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AdminApi;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As an operator I want the service never to be left without an active administrator, however administrators
 * act, also at the same moment; and I want to unlock an account that guessing locked everywhere. A server of its
 * own: the count of administrators must be this class's alone, and the account-wide lockout threshold is small.
 */
class LastAdminIT {
    private static final int ACCOUNT_THRESHOLD = 3;

    private static AuthServer server;

    @BeforeAll
    static void startWithOneAdministrator() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_LOCKOUT_ACCOUNT_THRESHOLD", String.valueOf(ACCOUNT_THRESHOLD));
        env.put("AUTH_LOCKOUT_DURATION", "PT10M");
        server = AuthServer.start("last-admin-" + System.getProperty("it.db", "h2"), env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void theBootstrapAdministratorIsTheOnlyActiveOneAgain() {
        AdminApi admin = AdminApi.bootstrapAdmin(server);
        assertEquals(List.of(admin.adminId()), admin.activeAdminIds());
    }

    @Test
    void theOnlyAdministratorCannotDemoteDisableOrDeleteThemselves() {
        AdminApi admin = AdminApi.bootstrapAdmin(server);

        for (Reply refused : List.of(
                admin.setRoles(admin.adminId(), "user"),
                admin.act(admin.adminId(), "disable"),
                admin.delete(admin.adminId()))) {
            JsonObject problem = assertProblem(refused, 409);
            assertTrue(problem.getString("type").endsWith("last-admin"), problem::toString);
        }

        Reply selfDeletion = admin.api()
                .send(
                        "DELETE",
                        "/api/auth/me",
                        Api.json("current_password", TestEnvironment.ADMIN_PASSWORD),
                        "application/json",
                        admin.token(),
                        Map.of());
        assertProblem(selfDeletion, 409);

        assertEquals(200, admin.list(null).status(), "still an administrator");
        AuditTrailClient.asAdmin(server)
                .awaitPage(
                        "type=USER_DISABLED&user_id=" + admin.adminId(),
                        page -> page.stream().anyMatch(e -> "last_admin".equals(e.getString("reason", null))),
                        "refused USER_DISABLED");
    }

    @Test
    void aDisabledAdministratorDoesNotCountAsOne() {
        AdminApi admin = AdminApi.bootstrapAdmin(server);
        Accounts.Session other = Accounts.signUp(Api.of(server));
        assertEquals(200, admin.setRoles(other.userId(), "admin").status());

        assertEquals(204, admin.act(other.userId(), "disable").status(), "another active admin remains");
        assertProblem(admin.setRoles(admin.adminId(), "user"), 409);

        assertEquals(200, admin.setRoles(other.userId(), "user").status());
    }

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOneAdministrator() throws Exception {
        AdminApi bootstrap = AdminApi.bootstrapAdmin(server);
        Accounts.Session other = Accounts.signUp(Api.of(server));
        for (int round = 0; round < 3; round++) {
            // given two active administrators, each logged in
            assertEquals(200, bootstrap.setRoles(other.userId(), "admin").status());
            AdminApi a = AdminApi.bootstrapAdmin(server);
            AdminApi b = AdminApi.logIn(Api.of(server), other.email(), Accounts.PASSWORD);

            // when each takes the other's admin role at the same moment
            List<Reply> answers = Concurrently.all(List.<Callable<Reply>>of(
                    () -> a.setRoles(b.adminId(), "user"), () -> b.setRoles(a.adminId(), "user")));

            // then exactly one succeeds; the other is refused (409, or 401 when its session ended first)
            long succeeded = answers.stream().filter(r -> r.status() == 200).count();
            assertEquals(1, succeeded, () -> "answers: " + answers);
            answers.stream().filter(r -> r.status() != 200).forEach(r -> assertProblemOf(r, 409, 401));
            AdminApi survivor = answers.get(0).status() == 200 ? a : b;
            assertEquals(List.of(survivor.adminId()), survivor.activeAdminIds());

            // restore: the bootstrap administrator is the one left
            if (survivor == b) {
                assertEquals(200, b.setRoles(a.adminId(), "admin").status());
                assertEquals(
                        200,
                        AdminApi.bootstrapAdmin(server)
                                .setRoles(b.adminId(), "user")
                                .status());
            }
            bootstrap = AdminApi.bootstrapAdmin(server);
        }
    }

    @Test
    void unlockingEndsTheAccountWideLockout() {
        // given an account whose address guessing locked for every client
        Accounts.Session user = Accounts.signUp(Api.of(server));
        Api guesser = Api.of(server);
        for (int i = 0; i < ACCOUNT_THRESHOLD; i++) {
            assertEquals(
                    401, guesser.login(user.email(), "not the password " + i).status());
        }
        Api owner = Api.of(server);
        assertTooManyRequests(owner.login(user.email(), Accounts.PASSWORD), 600);

        // then the admin view shows until when, and the list finds it as locked
        AdminApi admin = AdminApi.bootstrapAdmin(server);
        String lockedUntil = admin.user(user.userId()).json().getString("locked_until");
        assertTrue(Instant.parse(lockedUntil).isAfter(Instant.now()), lockedUntil);
        assertEquals(List.of(user.userId()), ids(admin.list("status=locked")));
        assertEquals(
                lockedUntil,
                admin.list("status=locked").items().getJsonObject(0).getString("locked_until"));
        assertTrue(!ids(admin.list("status=active")).contains(user.userId()));

        // when an administrator unlocks it
        assertEquals(204, admin.act(user.userId(), "unlock").status());

        // then the owner logs in, also from the guesser's address, and the view shows no lock
        Accounts.logIn(owner, user.email());
        Accounts.logIn(guesser, user.email());
        assertEquals(JsonValue.NULL, admin.user(user.userId()).json().get("locked_until"));
        assertTrue(ids(admin.list("status=active")).contains(user.userId()));
    }

    private static void assertProblemOf(Reply reply, int... statuses) {
        assertTrue(java.util.Arrays.stream(statuses).anyMatch(status -> status == reply.status()), reply::toString);
        assertProblem(reply, reply.status());
    }

    private static List<String> ids(Reply page) {
        assertEquals(200, page.status(), page::toString);
        assertNotEquals(null, page.items());
        return page.items().stream()
                .map(item -> item.asJsonObject().getString("id"))
                .toList();
    }
}
