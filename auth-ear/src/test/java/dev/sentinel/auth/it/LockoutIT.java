package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static dev.sentinel.auth.it.support.AuditTrailClient.sameIp;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertTooManyRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a user I want my account locked for a while after repeated wrong passwords, so that nobody can guess
 * it online; as anybody I want the lock to reveal nothing about which emails have accounts.
 * The shared server locks an email for one client after 5 consecutive failures from it, for 4 s. Each client
 * (IPv4 address or IPv6 /64) may log in 10 times a minute, so the tests move to a fresh client before that
 * limit could interfere. LockoutThresholdsIT covers the account-wide and per-client thresholds.
 */
class LockoutIT extends SharedServerTest {
    private static final int THRESHOLD = 5;
    private static final String WRONG_PASSWORD = "not the password at all";

    private static AuditTrailClient audit;

    @BeforeAll
    static void loginAsAdmin() {
        audit = AuditTrailClient.asAdmin(server);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        // given an account
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api client = Api.of(server);

        // when five logins with a wrong password fail
        List<Integer> failures = failLogins(client, account.email(), THRESHOLD);
        // and the sixth brings the right password
        Reply locked = client.login(account.email(), Accounts.PASSWORD);

        // then each failure was a plain 401 and the sixth is refused with 429 and Retry-After
        assertEquals(List.of(401, 401, 401, 401, 401), failures);
        assertLocked(locked);
    }

    @Test
    void anUnknownEmailLocksTheSameWayAndTheLockLooksTheSame() {
        // given an account and an email that has none
        Accounts.Session account = Accounts.signUp(Api.of(server));
        String unknown = Accounts.uniqueEmail();

        // when both go through five wrong passwords, then a sixth login (the right password for the account)
        Api known = Api.of(server);
        List<Integer> knownFailures = failLogins(known, account.email(), THRESHOLD);
        Reply knownLocked = known.login(account.email(), Accounts.PASSWORD);
        Api nobody = Api.of(server);
        List<Integer> unknownFailures = failLogins(nobody, unknown, THRESHOLD);
        Reply unknownLocked = nobody.login(unknown, Accounts.PASSWORD);

        // then both saw the same statuses, and the two 429 bodies are the same JSON
        assertEquals(List.of(401, 401, 401, 401, 401), knownFailures);
        assertEquals(knownFailures, unknownFailures);
        assertLocked(knownLocked);
        assertLocked(unknownLocked);
        assertEquals(
                knownLocked.json(), unknownLocked.json(), "a lock must not reveal whether the email has an account");
    }

    @Test
    void theLockEndsAfterTheLockoutDuration() {
        // given an account locked for one client by five wrong passwords
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api client = Api.of(server);
        failLogins(client, account.email(), THRESHOLD);
        Instant lockedAt = Instant.now();
        assertLocked(client.login(account.email(), Accounts.PASSWORD));

        // when the right password comes from that client a second before the lock ends, then after it
        // (the lock is a time rule; few requests, so that the client's login bucket of 10 is not the limit)
        pauseUntil(lockedAt.plusSeconds(TestEnvironment.LOCKOUT_SECONDS - 1));
        Reply stillLocked = client.login(account.email(), Accounts.PASSWORD);
        pauseUntil(lockedAt.plusMillis(TestEnvironment.LOCKOUT_SECONDS * 1000L + 300));
        Instant deadline = lockedAt.plusSeconds(2L * TestEnvironment.LOCKOUT_SECONDS);
        Reply reply = client.login(account.email(), Accounts.PASSWORD);
        while (reply.status() == 429 && Instant.now().isBefore(deadline)) {
            Pause.millis(500);
            reply = client.login(account.email(), Accounts.PASSWORD);
        }

        // then it was still locked shortly before the end, and logs in once the lock has run out
        assertLocked(stillLocked);
        assertEquals(200, reply.status(), "still locked after the lockout duration: " + reply);
    }

    @Test
    void aSuccessfulLoginResetsTheFailureCount() {
        // given an account with four failed logins and then a successful one
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api first = Api.of(server);
        assertEquals(List.of(401, 401, 401, 401), failLogins(first, account.email(), THRESHOLD - 1));
        Reply success = first.login(account.email(), Accounts.PASSWORD);
        assertEquals(200, success.status(), () -> "login: " + success);

        // when four more logins fail
        Api second = Api.of(server);
        List<Integer> moreFailures = failLogins(second, account.email(), THRESHOLD - 1);
        Reply afterwards = second.login(account.email(), Accounts.PASSWORD);

        // then the account is not locked: the count started again after the success
        assertEquals(List.of(401, 401, 401, 401), moreFailures);
        assertEquals(200, afterwards.status(), () -> "login after 4+1+4: " + afterwards);
    }

    @Test
    void theLockIsRecordedAsAccountLockedWithTheEmail() {
        // given an account
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api client = Api.of(server);
        Instant start = Instant.now().minusSeconds(1);

        // when five wrong passwords lock it
        failLogins(client, account.email(), THRESHOLD);

        // then an ACCOUNT_LOCKED event names the email and the client that caused it
        JsonObject event = audit.await(
                "type=ACCOUNT_LOCKED&email=" + encode(account.email()) + "&since=" + encode(start.toString()),
                candidate -> true,
                "ACCOUNT_LOCKED event for " + account.email());
        assertEquals("ACCOUNT_LOCKED", event.getString("type"));
        assertEquals(account.email(), event.getString("email"));
        assertTrue(sameIp(client.clientIp(), event.getString("ip", null)), () -> "ip of " + event);
    }

    @Test
    void failuresWithDifferentlyWrittenEmailsCountTogether() {
        // given an account (its email is stored lower case) and the same email padded and upper case
        Accounts.Session account = Accounts.signUp(Api.of(server));
        String shouted = "  " + account.email().toUpperCase(Locale.ROOT) + " ";
        Api client = Api.of(server);

        // when the failures alternate between the two spellings
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < THRESHOLD; i++) {
            failures.add(client.login(i % 2 == 0 ? shouted : account.email(), WRONG_PASSWORD)
                    .status());
        }
        Reply locked = client.login(account.email(), Accounts.PASSWORD);

        // then they added up to one lock of the normalised email
        assertEquals(List.of(401, 401, 401, 401, 401), failures);
        assertLocked(locked);
        assertLocked(client.login(shouted, Accounts.PASSWORD));
    }

    @Test
    void aLockForOneClientLeavesTheOwnerLoggingInFromAnother() {
        // given an account whose email a stranger locked with five wrong passwords
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api stranger = Api.of(server);
        assertEquals(List.of(401, 401, 401, 401, 401), failLogins(stranger, account.email(), THRESHOLD));

        // when the stranger and then the owner, from a client of their own, bring the right password
        Reply strangerLocked = stranger.login(account.email(), Accounts.PASSWORD);
        Reply owner = Api.of(server).login(account.email(), Accounts.PASSWORD);

        // then only the stranger is locked out
        assertLocked(strangerLocked);
        assertEquals(200, owner.status(), () -> "the owner was locked out by a stranger: " + owner);
    }

    @Test
    void fiftySimultaneousWrongLoginsFromOneClientVerifyAtMostTheThreshold() throws Exception {
        // given an account and one client
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api client = Api.of(server);

        // when 50 wrong logins for it arrive at the same moment
        List<Integer> statuses = Concurrently.all(Collections.nCopies(50, (Callable<Integer>)
                () -> client.login(account.email(), WRONG_PASSWORD).status()));

        // then at most five were verified (401) and every other one refused (429)
        assertAtMostThresholdVerified(statuses);
        assertEquals(429, client.login(account.email(), Accounts.PASSWORD).status());
    }

    @Test
    void addressesOfOneIpv6Slash64AreOneClient() throws Exception {
        // given an account, and 50 addresses of one /64
        Accounts.Session account = Accounts.signUp(Api.of(server));
        String prefix = Api.randomIp().replaceFirst("::[0-9a-f]+$", "::");
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Api address = Api.of(server).from(prefix + Integer.toHexString(i));
            guesses.add(() -> address.login(account.email(), WRONG_PASSWORD).status());
        }

        // when each address guesses once, all at the same moment
        List<Integer> statuses = Concurrently.all(guesses);

        // then they shared one lockout (and one login bucket): at most five guesses were verified
        assertAtMostThresholdVerified(statuses);
        assertEquals(
                429,
                Api.of(server)
                        .from(prefix + "ffff")
                        .login(account.email(), Accounts.PASSWORD)
                        .status());
    }

    // ---- helpers

    private static void pauseUntil(Instant moment) {
        Pause.millis(Math.max(0, Duration.between(Instant.now(), moment).toMillis()));
    }

    private static void assertAtMostThresholdVerified(List<Integer> statuses) {
        long verified = statuses.stream().filter(status -> status == 401).count();
        assertTrue(verified >= 1 && verified <= THRESHOLD, () -> verified + " guesses were verified: " + statuses);
        assertEquals(
                statuses.size() - verified,
                statuses.stream().filter(status -> status == 429).count(),
                statuses::toString);
    }

    private static List<Integer> failLogins(Api client, String email, int times) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            statuses.add(client.login(email, WRONG_PASSWORD).status());
        }
        return statuses;
    }

    private static void assertLocked(Reply reply) {
        assertTooManyRequests(reply, TestEnvironment.LOCKOUT_SECONDS);
    }
}
