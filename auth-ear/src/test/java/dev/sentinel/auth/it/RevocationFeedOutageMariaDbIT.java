package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TcpRelay;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database; the second loses its connection to it. A session revoked on the first
 * meanwhile must not keep working on the second: once the second has not read revocations for five poll
 * intervals it answers protected calls 503 and is not ready, and once it reads them again it refuses the token.
 */
class RevocationFeedOutageMariaDbIT {
    private static final long DEADLINE_NANOS = 30_000_000_000L;

    private static TcpRelay relay;
    private static AuthServer direct;
    private static AuthServer behindRelay;

    @BeforeAll
    static void startTwoInstancesOneBehindARelay() throws Exception {
        Map<String, String> env =
                TestEnvironment.withTestSettings(TestEnvironment.database(TestEnvironment.freshDatabaseName()));
        direct = AuthServer.start("revocation-feed-direct", env);
        relay = new TcpRelay(Integer.parseInt(env.get("AUTH_DB_PORT")));
        env.put("AUTH_DB_PORT", String.valueOf(relay.port()));
        behindRelay = AuthServer.start("revocation-feed-relayed", env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (behindRelay != null) {
            behindRelay.close();
        }
        if (direct != null) {
            direct.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aSessionRevokedElsewhereDuringTheOutageIsNeverAcceptedAndReadinessIsDown() throws Exception {
        // given a session that both instances accept (the second has the profile in its cache)
        Api onDirect = Api.of(direct);
        Api onRelayed = onDirect.on(behindRelay);
        Accounts.Session session = Accounts.signUp(onDirect);
        assertEquals(200, onRelayed.me(session.accessToken()).status());

        relay.cut();
        try {
            // when the session is revoked on the instance that still reaches the database
            assertEquals(
                    204,
                    onDirect.post("/api/auth/logout", "{}", session.accessToken())
                            .status());

            // then the cut-off instance stops accepting it: 503 while it cannot know, never 200
            Reply refused = await(onRelayed, session.accessToken(), status -> status != 200);
            JsonObject problem = assertProblem(refused, 503);
            assertEquals("urn:sentinel:problem:revocations-stale", problem.getString("type"), refused::toString);
            assertNotNull(refused.header("Retry-After"), refused::toString);
            // and its readiness says why
            Reply ready = onRelayed.get("/health/ready", null);
            assertEquals(503, ready.status(), ready::toString);
            assertEquals("DOWN", checkNamed(ready, "revocations").getString("status"), ready::toString);
        } finally {
            relay.restore();
        }

        // once it reads revocations again, the revoked session is refused and the instance is ready
        Reply afterwards = await(onRelayed, session.accessToken(), status -> status == 401);
        assertProblem(afterwards, 401);
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (onRelayed.get("/health/ready", null).status() != 200) {
            if (System.nanoTime() > deadline) {
                fail("not ready again within 30 s of the database coming back");
            }
            Pause.millis(200);
        }
    }

    private static Reply await(Api api, String accessToken, Predicate<Integer> wanted) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        Reply last;
        do {
            last = api.me(accessToken);
            if (wanted.test(last.status())) {
                return last;
            }
            Pause.millis(100);
        } while (System.nanoTime() < deadline);
        return fail("GET /api/auth/me did not change within 30 s: " + last);
    }

    private static JsonObject checkNamed(Reply health, String name) {
        return health.json().getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> name.equals(check.getString("name")))
                .findFirst()
                .orElseGet(() -> fail("no check named " + name + ": " + health));
    }
}
