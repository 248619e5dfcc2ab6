package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.Revocation.assertRefusedWithinOneSecond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TwoInstances;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Two servers on different ports sharing one MariaDB database, started together with no key file, as a
 * load-balanced deployment runs: they must agree on keys, sessions, rotation, limits and accounts.
 */
class TwoInstancesMariaDbIT {
    // package-private: TwoInstancesGaleraIT runs these tests with the instances on two Galera nodes
    static AuthServer first;
    static AuthServer second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase(TestInfo run) {
        if (run.getTestClass().orElseThrow() != TwoInstancesMariaDbIT.class) {
            return; // a subclass (TwoInstancesGaleraIT) starts its own two instances
        }
        TwoInstances both = TwoInstances.onFreshMariaDb("instance");
        first = both.first();
        second = both.second();
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(first, second);
    }

    @Test
    void bothPublishTheSameKeysAndAcceptEachOthersTokens() {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);

        Reply me = onFirst.on(second).me(session.accessToken());

        assertEquals(200, me.status(), me::toString);
        assertEquals(session.email(), me.json().getString("email"));
        assertEquals(
                onFirst.get("/api/auth/jwks", null).json(),
                onFirst.on(second).get("/api/auth/jwks", null).json());
    }

    @Test
    void logoutOnOneIsRefusedOnTheOtherWithinOneSecond() {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);
        assertEquals(200, onFirst.on(second).me(session.accessToken()).status());

        assertEquals(
                204,
                onFirst.post("/api/auth/logout", "{}", session.accessToken()).status());

        assertRefusedWithinOneSecond(onFirst.on(second), session.accessToken());
        assertEquals(401, onFirst.on(second).refresh(session.refreshToken()).status());
    }

    @Test
    void rotationOnOneAndReplayOnTheOtherGiveTheSameSuccessor() {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);

        Reply rotated = onFirst.refresh(session.refreshToken());
        Reply replayed = onFirst.on(second).refresh(session.refreshToken());

        assertEquals(200, rotated.status(), rotated::toString);
        assertEquals(200, replayed.status(), replayed::toString);
        assertEquals(rotated.json().getString("refresh_token"), replayed.json().getString("refresh_token"));
    }

    @Test
    void concurrentRefreshesOnBothInstancesNeverMakeTwoSuccessors() throws Exception {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);

        List<Reply> both = Concurrently.all(List.<Callable<Reply>>of(
                () -> onFirst.refresh(session.refreshToken()),
                () -> onFirst.on(second).refresh(session.refreshToken())));

        Reply one = both.get(0);
        Reply other = both.get(1);
        assertEquals(200, one.status(), one::toString);
        assertEquals(200, other.status(), other::toString);
        assertEquals(one.json().getString("refresh_token"), other.json().getString("refresh_token"));
    }

    @Test
    void reuseDetectedOnOneRevokesTheSessionOnBoth() throws InterruptedException {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);
        String successor = onFirst.refresh(session.refreshToken()).json().getString("refresh_token");
        Thread.sleep((TestEnvironment.REUSE_WINDOW_SECONDS + 1) * 1000L); // the window is a time rule

        Reply reuse = onFirst.on(second).refresh(session.refreshToken());

        assertEquals(401, reuse.status(), reuse::toString);
        assertEquals(401, onFirst.refresh(successor).status());
        assertRefusedWithinOneSecond(onFirst, session.accessToken());
    }

    @Test
    void rateLimitsCountRequestsOnBothInstances() {
        Api onFirst = Api.of(first);
        Api onSecond = onFirst.on(second); // the same client IP
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // login bucket: 10 per minute
            statuses.add((i % 2 == 0 ? onFirst : onSecond)
                    .login(Accounts.uniqueEmail(), "wrong password")
                    .status());
        }

        Reply eleventh = onSecond.login(Accounts.uniqueEmail(), "wrong password");

        assertEquals(List.of(401, 401, 401, 401, 401, 401, 401, 401, 401, 401), statuses);
        assertEquals(429, eleventh.status(), eleventh::toString);
    }

    @Test
    void lockoutCountsFailuresOnBothInstances() {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);
        Api onSecond = onFirst.on(second); // the same client
        for (int i = 0; i < 5; i++) { // threshold 5
            Reply failure = (i % 2 == 0 ? onFirst : onSecond).login(session.email(), "wrong password");
            assertEquals(401, failure.status(), failure::toString);
        }

        Reply locked = onFirst.login(session.email(), Accounts.PASSWORD);
        Reply otherClient = Api.of(second).login(session.email(), Accounts.PASSWORD);

        assertEquals(429, locked.status(), locked::toString);
        assertEquals(200, otherClient.status(), "a lock for one client must leave the others alone: " + otherClient);
    }

    @Test
    void fiftySimultaneousWrongLoginsThroughBothInstancesVerifyAtMostFive() throws Exception {
        Api onFirst = Api.of(first);
        Session session = Accounts.signUp(onFirst);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Api api = i % 2 == 0 ? onFirst : onFirst.on(second);
            guesses.add(() -> api.login(session.email(), "wrong password").status());
        }

        List<Integer> statuses = Concurrently.all(guesses);

        long verified = statuses.stream().filter(status -> status == 401).count();
        assertTrue(verified >= 1 && verified <= 5, () -> verified + " guesses verified: " + statuses);
        assertEquals(
                50 - verified, statuses.stream().filter(status -> status == 429).count(), statuses::toString);
    }

    @Test
    void concurrentSignupsOfOneEmailThroughBothMakeOneAccount() throws Exception {
        String email = Accounts.uniqueEmail();
        int attempts = 20;
        List<Callable<Integer>> signups = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Api api = Api.of(i % 2 == 0 ? first : second);
            signups.add(() -> api.signup(email, Accounts.PASSWORD).status());
        }

        List<Integer> statuses = Concurrently.all(signups);

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses::toString);
        assertEquals(
                attempts - 1, statuses.stream().filter(status -> status == 409).count(), statuses::toString);
        assertEquals(200, Api.of(second).login(email, Accounts.PASSWORD).status());
    }

    @Test
    void passwordChangeOnOneEndsOtherSessionsOnTheOther() {
        Api onFirst = Api.of(first);
        Session kept = Accounts.signUp(onFirst);
        Session other = Accounts.Session.of(kept.email(), Api.of(second).login(kept.email(), Accounts.PASSWORD));
        assertNotEquals(kept.sessionId(), other.sessionId());

        Reply changed = onFirst.post(
                "/api/auth/password",
                Api.json("current_password", Accounts.PASSWORD, "new_password", "a new password 42"),
                kept.accessToken());

        assertEquals(204, changed.status(), changed::toString);
        assertRefusedWithinOneSecond(Api.of(second), other.accessToken());
        assertEquals(200, Api.of(second).me(kept.accessToken()).status());
    }

    @Test
    void deletingTheAccountOnOneEndsItsSessionsOnTheOtherWithinOneSecond() {
        Api onFirst = Api.of(first);
        Api onSecond = onFirst.on(second);
        Session session = Accounts.signUp(onFirst);
        assertEquals(
                200, onSecond.get("/api/auth/sessions", session.accessToken()).status());

        Reply deleted = onFirst.send(
                "DELETE",
                "/api/auth/me",
                Api.json("current_password", Accounts.PASSWORD),
                "application/json",
                session.accessToken(),
                Map.of());
        long deletedAt = System.nanoTime();

        assertEquals(204, deleted.status(), deleted::toString);
        // the account's rows are gone, so it is the revocation feed, not a lookup, that must refuse the token
        assertRefusedWithinOneSecond(() -> onSecond.get("/api/auth/sessions", session.accessToken()), deletedAt);
    }
}
