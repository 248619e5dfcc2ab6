package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * US2 under a flood: password hashing is bounded (docs/api.md, "Rate limits and lockout"). Logins that
 * cannot get a hash within 2 s are answered 503 with Retry-After at once instead of queueing without bound.
 * The server hashes one at a time, slowly (many Argon2 iterations), so that a modest flood outlasts the bound.
 */
class BoundedHashingIT {
    private static final int FLOOD = 40;
    private static AuthServer server;

    @BeforeAll
    static void startWithOneSlowHashingSlot() {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_PASSWORD_HASH_MAX_CONCURRENT", "1");
        env.put("AUTH_PASSWORD_HASH_ITERATIONS", "30");
        server = AuthServer.start("bounded-hashing-" + System.getProperty("it.db", "h2"), env);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFloodOfLoginsIsPartlyServedAndTheExcessIsShedWith503AndRetryAfter() throws Exception {
        // given a user
        Api api = Api.of(server);
        Accounts.Session user = Accounts.signUp(api);

        // when many clients log in with the right password at the same moment, each from an address of its own
        List<Callable<Reply>> logins = new ArrayList<>();
        for (int i = 0; i < FLOOD; i++) {
            Api client = api.from(Api.randomIp());
            logins.add(() -> client.login(user.email(), Accounts.PASSWORD));
        }
        List<Reply> replies = Concurrently.all(logins);

        // then some are served, the rest are shed with a 503 the client may retry, and nothing else happens
        long served = replies.stream().filter(reply -> reply.status() == 200).count();
        List<Reply> shed =
                replies.stream().filter(reply -> reply.status() != 200).toList();
        assertTrue(served > 0, () -> "no login was served: " + replies);
        assertTrue(!shed.isEmpty(), () -> "all " + FLOOD + " logins queued for a hash, however long: " + replies);
        for (Reply reply : shed) {
            assertEquals(
                    "urn:sentinel:problem:hashing-busy",
                    assertProblem(reply, 503).getString("type"),
                    reply::toString);
            String retryAfter = reply.header("Retry-After");
            assertNotNull(retryAfter, () -> "503 without Retry-After: " + reply);
            assertTrue(Long.parseLong(retryAfter) >= 1, () -> "Retry-After " + retryAfter);
        }

        // and a shed login was not a failed login: the account is not locked
        Reply later = api.from(Api.randomIp()).login(user.email(), Accounts.PASSWORD);
        assertEquals(200, later.status(), later::toString);
    }
}
