package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static dev.sentinel.auth.it.support.AuditTrailClient.sameIp;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertTooManyRequests;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a user I want my account locked for a while after repeated wrong passwords, so that nobody can guess
 * it online; as anybody I want the lock to reveal nothing about which emails have accounts.
 * The shared server locks after 5 consecutive failures for 4 s. Each client IP may log in 10 times a
 * minute, so the tests move to a fresh client IP before that limit could interfere.
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
        // given an account locked by five wrong passwords
        Accounts.Session account = Accounts.signUp(Api.of(server));
        failLogins(Api.of(server), account.email(), THRESHOLD);
        Instant lockedAt = Instant.now();
        assertLocked(Api.of(server).login(account.email(), Accounts.PASSWORD));

        // when the right password is tried (from a fresh client IP each time) until it is accepted
        Instant deadline = lockedAt.plusSeconds(2L * TestEnvironment.LOCKOUT_SECONDS);
        Reply reply = Api.of(server).login(account.email(), Accounts.PASSWORD);
        while (reply.status() == 429 && Instant.now().isBefore(deadline)) {
            Pause.millis(100);
            reply = Api.of(server).login(account.email(), Accounts.PASSWORD);
        }
        Duration lockedFor = Duration.between(lockedAt, Instant.now());

        // then it logs in once the lock has run out, and not much earlier
        assertEquals(200, reply.status(), "still locked after " + lockedFor.toMillis() + " ms: " + reply);
        assertTrue(
                lockedFor.toMillis() >= TestEnvironment.LOCKOUT_SECONDS * 1000L - 1000,
                "the lock ended after only " + lockedFor.toMillis() + " ms");
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
        assertLocked(Api.of(server).login(shouted, Accounts.PASSWORD));
    }

    // ---- helpers

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
