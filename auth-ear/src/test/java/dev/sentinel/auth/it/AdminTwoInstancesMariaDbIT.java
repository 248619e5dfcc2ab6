package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AdminApi;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TwoInstances;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As an administrator of a deployment with two instances on one MariaDB database, I want what I do on one
 * instance to hold on the other: a disabled account's tokens die there within a second and its logins are
 * refused there, and two administrators demoting each other on different instances leave one administrator.
 */
class AdminTwoInstancesMariaDbIT {
    private static AuthServer first;
    private static AuthServer second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        TwoInstances both = TwoInstances.onFreshMariaDb("admin");
        first = both.first();
        second = both.second();
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(first, second);
    }

    @Test
    void disablingOnOneInstanceIsHonouredOnTheOtherWithinOneSecond() {
        // given a user whose token works on the second instance
        Api onSecond = Api.of(second);
        Accounts.Session user = Accounts.signUp(onSecond);
        assertEquals(200, onSecond.me(user.accessToken()).status());

        // when an administrator disables the account on the first
        assertEquals(
                204,
                AdminApi.bootstrapAdmin(first).act(user.userId(), "disable").status());
        long disabledAt = System.nanoTime();

        // then the second refuses the token within a second, the refresh token at once, and the login after the
        // right password with 403
        assertRefusedWithinOneSecond(onSecond, user.accessToken(), disabledAt);
        assertProblem(onSecond.refresh(user.refreshToken()), 401);
        JsonObject refused = assertProblem(onSecond.from(Api.randomIp()).login(user.email(), Accounts.PASSWORD), 403);
        assertTrue(refused.getString("type").endsWith("account-disabled"), refused::toString);
    }

    @Test
    void administratorsDemotingEachOtherOnTwoInstancesLeaveOne() throws Exception {
        AdminApi bootstrap = AdminApi.bootstrapAdmin(first);
        Accounts.Session other = Accounts.signUp(Api.of(second));
        for (int round = 0; round < 3; round++) {
            assertEquals(200, bootstrap.setRoles(other.userId(), "admin").status());
            AdminApi a = AdminApi.bootstrapAdmin(first);
            AdminApi b = AdminApi.logIn(Api.of(second), other.email(), Accounts.PASSWORD);

            List<Reply> answers = Concurrently.all(List.<Callable<Reply>>of(
                    () -> a.setRoles(b.adminId(), "user"), () -> b.setRoles(a.adminId(), "user")));

            assertEquals(1, answers.stream().filter(r -> r.status() == 200).count(), () -> "answers: " + answers);
            answers.stream()
                    .filter(r -> r.status() != 200)
                    .forEach(r -> assertTrue(r.status() == 409 || r.status() == 401, r::toString));
            AdminApi survivor = answers.get(0).status() == 200 ? a : b;
            assertEquals(List.of(survivor.adminId()), survivor.activeAdminIds(), () -> "answers: " + answers);
            if (survivor == b) {
                assertEquals(200, b.setRoles(a.adminId(), "admin").status());
                assertEquals(
                        200,
                        AdminApi.bootstrapAdmin(first)
                                .setRoles(b.adminId(), "user")
                                .status());
            }
            bootstrap = AdminApi.bootstrapAdmin(first);
        }
    }
}
