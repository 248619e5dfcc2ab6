package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a user I want guesses at my password bounded however they are spread: from one client at once, from many
 * clients at one account, or from one client across many accounts (password spraying); docs/api.md "Rate
 * limits and lockout". A server of its own, with the login bucket off so that only the lockout limits, and
 * small account-wide and per-client thresholds set through the environment.
 */
class LockoutThresholdsIT {
    private static final int THRESHOLD = 5;
    private static final int ACCOUNT_THRESHOLD = 8;
    private static final int CLIENT_THRESHOLD = 8;
    private static final String WRONG_PASSWORD = "not the password at all";

    private static AuthServer server;

    @BeforeAll
    static void startWithSmallThresholdsAndNoLoginBucket() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_RATE_LIMIT_LOGIN_CAPACITY", "0");
        env.put("AUTH_RATE_LIMIT_SIGNUP_CAPACITY", "0");
        env.put("AUTH_LOCKOUT_ACCOUNT_THRESHOLD", String.valueOf(ACCOUNT_THRESHOLD));
        env.put("AUTH_LOCKOUT_CLIENT_THRESHOLD", String.valueOf(CLIENT_THRESHOLD));
        env.put("AUTH_LOCKOUT_DURATION", "PT1M");
        server = AuthServer.start("lockout-thresholds-" + System.getProperty("it.db", "h2"), env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void fiftySimultaneousWrongLoginsFromOneIpVerifyAtMostTheThreshold() throws Exception {
        // given an account and one client IP that no bucket holds back
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api client = Api.of(server).from("203.0.113.90");

        // when 50 wrong logins arrive at the same moment
        List<Integer> statuses = Concurrently.all(Collections.nCopies(50, (Callable<Integer>)
                () -> client.login(account.email(), WRONG_PASSWORD).status()));

        // then exactly the threshold was verified (401) and every other one refused (429)
        assertEquals(THRESHOLD, statuses.stream().filter(s -> s == 401).count(), statuses::toString);
        assertEquals(50 - THRESHOLD, statuses.stream().filter(s -> s == 429).count(), statuses::toString);
    }

    @Test
    void failuresFromManyClientsLockTheEmailForEveryClientAtTheAccountThreshold() {
        // given an account, and four clients with two wrong passwords each (below the per-client threshold)
        Accounts.Session account = Accounts.signUp(Api.of(server));
        for (int i = 0; i < ACCOUNT_THRESHOLD / 2; i++) {
            Api client = Api.of(server);
            assertEquals(401, client.login(account.email(), WRONG_PASSWORD).status());
            assertEquals(401, client.login(account.email(), WRONG_PASSWORD).status());
        }

        // when a client that never failed brings the right password
        Reply fresh = Api.of(server).login(account.email(), Accounts.PASSWORD);

        // then the email is locked everywhere
        assertEquals(429, fresh.status(), fresh::toString);
        assertTrue(Integer.parseInt(fresh.header("Retry-After")) > 30, fresh::toString);
    }

    @Test
    void oneClientSprayingManyEmailsIsRefusedForEveryEmailAtItsBudget() {
        // given an account, and a client (an IPv6 /64) that guesses once at each of many other emails
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api sprayer = Api.of(server);
        for (int i = 0; i < CLIENT_THRESHOLD; i++) {
            assertEquals(
                    401, sprayer.login(Accounts.uniqueEmail(), WRONG_PASSWORD).status());
        }

        // when it, another address of its /64, and an unrelated client bring the account's right password
        Reply sprayed = sprayer.login(account.email(), Accounts.PASSWORD);
        String neighbour = sprayer.clientIp().replaceFirst("::[0-9a-f]+$", "::beef");
        Reply sameSlash64 = sprayer.from(neighbour).login(account.email(), Accounts.PASSWORD);
        Reply owner = Api.of(server).login(account.email(), Accounts.PASSWORD);

        // then the sprayer's whole /64 is refused, whatever the email, and the owner is not
        assertEquals(429, sprayed.status(), sprayed::toString);
        assertEquals(429, sameSlash64.status(), sameSlash64::toString);
        assertEquals(200, owner.status(), owner::toString);
    }
}
