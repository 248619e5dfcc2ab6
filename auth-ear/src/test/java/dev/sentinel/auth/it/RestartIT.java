package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the service held before a clean restart is still there after it: accounts, sessions, revocations,
 * the signing key, and the auth events queued at the moment it stopped. On the embedded H2 default this is
 * the README's promise for WLP_OUTPUT_DIR: an H2 store left open at exit, once it had been written to for
 * longer than its retention time (45 s), reopened at an older version and the next run's commits were lost.
 */
class RestartIT {
    private static final Duration H2_AGEING = Duration.ofSeconds(50);
    private static AuthServer server;
    private static Accounts.Session kept;
    private static Accounts.Session loggedOut;
    private static Accounts.Session signedUpLast;

    @BeforeAll
    static void createStateThenRestart() {
        String name = "restart-" + System.getProperty("it.db", "h2");
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put(
                "WLP_OUTPUT_DIR",
                TestEnvironment.workDir().resolve(name).resolve("output").toString());
        server = AuthServer.startRunnableJar(name, env);
        if (!TestEnvironment.onMariaDb()) {
            keepWriting(Api.of(server), H2_AGEING);
            server = server.restart();
        }
        Api api = Api.of(server);
        kept = Accounts.signUp(api);
        loggedOut = Accounts.logIn(api, kept.email());
        assertEquals(
                204, api.post("/api/auth/logout", null, loggedOut.accessToken()).status());
        signedUpLast = Accounts.signUp(api); // its SIGNUP event is likely still queued when the stop begins

        server = server.restart();
    }

    /** A refresh every half second: small steady writes, as a quiet production day makes. */
    private static void keepWriting(Api api, Duration during) {
        String refreshToken = Accounts.signUp(api).refreshToken();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            Reply refresh = api.from(Api.randomIp()).refresh(refreshToken);
            assertEquals(200, refresh.status(), refresh::toString);
            refreshToken = refresh.json().getString("refresh_token");
            Pause.millis(500);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anAccountCreatedBeforeTheRestartCanLogIn() {
        Reply login = Api.of(server).login(signedUpLast.email(), Accounts.PASSWORD);

        assertEquals(200, login.status(), login::toString);
    }

    @Test
    void aSessionFromBeforeTheRestartRefreshesAndItsAccessTokenIsStillAccepted() {
        Api api = Api.of(server);

        Reply me = api.me(kept.accessToken());
        Reply refresh = api.refresh(kept.refreshToken());

        assertEquals(200, me.status(), () -> "session and signing key must outlive the restart: " + me);
        assertEquals(200, refresh.status(), refresh::toString);
    }

    @Test
    void aSessionLoggedOutBeforeTheRestartStaysLoggedOut() {
        Api api = Api.of(server);

        assertEquals(401, api.refresh(loggedOut.refreshToken()).status());
        assertEquals(401, api.me(loggedOut.accessToken()).status());
    }

    @Test
    void theEventsOfTheLastMomentsBeforeTheStopAreStored() {
        AuditTrailClient audit = AuditTrailClient.asAdmin(server);

        assertFalse(
                audit.events("type=SIGNUP&email=" + encode(signedUpLast.email()))
                        .isEmpty(),
                "the SIGNUP event queued at shutdown must be in the audit trail");
        assertFalse(audit.events("type=LOGOUT&user_id=" + kept.userId()).isEmpty());
    }
}
