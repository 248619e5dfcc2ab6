package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TcpRelay;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database goes away and comes back: readiness follows it, and requests fail cleanly meanwhile. */
class DatabaseOutageMariaDbIT {
    private static TcpRelay relay;
    private static AuthServer server;

    @BeforeAll
    static void startBehindARelay() throws Exception {
        Map<String, String> env =
                TestEnvironment.withTestSettings(TestEnvironment.database(TestEnvironment.freshDatabaseName()));
        relay = new TcpRelay(Integer.parseInt(env.get("AUTH_DB_PORT")));
        env.put("AUTH_DB_PORT", String.valueOf(relay.port()));
        server = AuthServer.start("outage", env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        relay.close();
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndRequestsAnswer503() throws Exception {
        Api api = Api.of(server);
        Accounts.Session session = Accounts.signUp(api);
        assertEquals(200, api.get("/health/ready", null).status());

        relay.cut();
        try {
            Reply ready = awaitStatus(api, "/health/ready", status -> status == 503);
            assertEquals("DOWN", ready.json().getString("status"));
            assertEquals(200, api.get("/health/live", null).status(), "an outage is no reason to restart");
            Reply login = api.login(session.email(), Accounts.PASSWORD);
            assertEquals(503, login.status(), login::toString);
            assertEquals(
                    "urn:sentinel:problem:database-unavailable",
                    assertProblem(login, 503).getString("type"));
            assertEquals("5", login.header("Retry-After"), login::toString);
        } finally {
            relay.restore();
        }

        awaitStatus(api, "/health/ready", status -> status == 200);
        assertEquals(
                200,
                api.from(Api.randomIp())
                        .login(session.email(), Accounts.PASSWORD)
                        .status());
    }

    private static Reply awaitStatus(Api api, String path, Predicate<Integer> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(path, null);
            if (wanted.test(last.status())) {
                return last;
            }
            Thread.sleep(200);
        }
        fail(path + " did not change within 30 s: " + last);
        return last;
    }
}
