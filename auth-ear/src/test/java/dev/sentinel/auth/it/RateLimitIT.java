package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static dev.sentinel.auth.it.support.AuditTrailClient.sameIp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Concurrently;
import dev.sentinel.auth.it.support.ProblemAssertions;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As an operator I want signup, login and refresh limited per client IP (token buckets), so that one
 * client cannot hammer the service, while other clients go on unaffected.
 * <p>
 * The buckets refill continuously (capacity per period), so a burst may let one more request through
 * for every period/capacity it lasted; the assertions allow exactly that and no more.
 */
class RateLimitIT extends SharedServerTest {
    private static final Limit SIGNUP = new Limit(5, Duration.ofHours(1));
    private static final Limit LOGIN = new Limit(10, Duration.ofMinutes(1));
    private static final Limit REFRESH = new Limit(30, Duration.ofMinutes(1));

    private static AuditTrailClient audit;

    @BeforeAll
    static void loginAsAdmin() {
        audit = AuditTrailClient.asAdmin(server);
    }

    @Test
    void signupBucketLetsFiveThroughThenRefusesThatClientOnly() {
        // given a client IP that has not signed up before
        Api client = Api.of(server);
        Instant start = Instant.now().minusSeconds(1);

        // when it signs up fresh accounts until refused
        Burst burst = untilRefused(SIGNUP, () -> client.signup(Accounts.uniqueEmail(), Accounts.PASSWORD));

        // then exactly the capacity passed, with RateLimit headers counting down, and the next got 429
        burst.passed.forEach(reply -> assertEquals(201, reply.status(), () -> "signup: " + reply));
        assertPassedExactlyTheCapacity(SIGNUP, burst);
        assertRateLimitHeadersCountDown(SIGNUP, burst);
        assertTooManyRequests(burst.refused, SIGNUP);
        // and another client IP signs up at the same moment with a full bucket
        Reply other = client.from(Api.randomIp()).signup(Accounts.uniqueEmail(), Accounts.PASSWORD);
        assertEquals(201, other.status(), () -> "other client: " + other);
        assertEquals(String.valueOf(SIGNUP.capacity - 1), other.header("RateLimit-Remaining"));
        // and the refusal is in the audit trail with the refused client's IP
        assertRateLimitedEventFor(client.clientIp(), start);
    }

    @Test
    void loginBucketLetsTenThroughThenRefusesThatClientOnly() {
        // given an account, and a client IP that has not logged in before
        Accounts.Session account = Accounts.signUp(Api.of(server));
        Api client = Api.of(server);
        Instant start = Instant.now().minusSeconds(1);

        // when that client logs in with the right password until refused
        Burst burst = untilRefused(LOGIN, () -> client.login(account.email(), Accounts.PASSWORD));

        // then exactly the capacity passed, with RateLimit headers counting down, and the next got 429
        burst.passed.forEach(reply -> assertEquals(200, reply.status(), () -> "login: " + reply));
        assertPassedExactlyTheCapacity(LOGIN, burst);
        assertRateLimitHeadersCountDown(LOGIN, burst);
        assertTooManyRequests(burst.refused, LOGIN);
        // and another client IP logs in at the same moment with a full bucket
        Reply other = client.from(Api.randomIp()).login(account.email(), Accounts.PASSWORD);
        assertEquals(200, other.status(), () -> "other client: " + other);
        assertEquals(String.valueOf(LOGIN.capacity - 1), other.header("RateLimit-Remaining"));
        // and the refusal is in the audit trail with the refused client's IP
        assertRateLimitedEventFor(client.clientIp(), start);
    }

    @Test
    void addressesOfOneIpv6Slash64ShareOneLoginBucket() {
        // given an account, and a /64 whose addresses have not logged in before
        Accounts.Session account = Accounts.signUp(Api.of(server));
        String prefix = Api.randomIp().replaceFirst("::[0-9a-f]+$", "::");

        // when each login comes from another address of that /64
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= LOGIN.capacity + 1; i++) {
            statuses.add(Api.of(server)
                    .from(prefix + Integer.toHexString(i))
                    .login(account.email(), Accounts.PASSWORD)
                    .status());
        }

        // then the /64 had one bucket: the capacity passed and the next was refused
        assertEquals(LOGIN.capacity, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(429, statuses.get(LOGIN.capacity), statuses::toString);
    }

    /**
     * A new client's limiter and lockout rows are each created with one statement in the request's own
     * transaction (PersistenceRulesTest pins it). A request that held two connections at once could, with
     * enough new clients at once, take the whole pool (20 on H2, 30 on MariaDB) and wait for the others: this
     * guards against that, though it did not reproduce the exhaustion on the earlier code on this machine.
     */
    @Test
    void sixtyNewClientsAtOnceAreAllAnsweredWithoutDrainingTheConnectionPool() throws Exception {
        List<Callable<Reply>> logins = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Api client = Api.of(server);
            logins.add(() -> client.login(Accounts.uniqueEmail(), "a wrong password here"));
        }
        Instant start = Instant.now();

        List<Reply> replies = Concurrently.all(logins);

        Duration took = Duration.between(start, Instant.now());
        replies.forEach(reply -> assertEquals(401, reply.status(), reply::toString));
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "60 logins took " + took);
    }

    @Test
    void refreshBucketLetsThirtyThroughThenRefusesThatClientOnly() {
        // given a session, and a client IP that has not refreshed before
        Accounts.Session account = Accounts.signUp(Api.of(server));
        AtomicReference<String> refreshToken = new AtomicReference<>(account.refreshToken());
        Api client = Api.of(server);
        Instant start = Instant.now().minusSeconds(1);

        // when that client rotates its refresh token until refused
        Burst burst = untilRefused(REFRESH, () -> {
            Reply reply = client.refresh(refreshToken.get());
            if (reply.status() == 200) {
                refreshToken.set(reply.json().getString("refresh_token"));
            }
            return reply;
        });

        // then exactly the capacity passed, with RateLimit headers counting down, and the next got 429
        burst.passed.forEach(reply -> assertEquals(200, reply.status(), () -> "refresh: " + reply));
        assertPassedExactlyTheCapacity(REFRESH, burst);
        assertRateLimitHeadersCountDown(REFRESH, burst);
        assertTooManyRequests(burst.refused, REFRESH);
        // and another client IP refreshes at the same moment with a full bucket
        Reply other = client.from(Api.randomIp()).refresh(refreshToken.get());
        assertEquals(200, other.status(), () -> "other client: " + other);
        assertEquals(String.valueOf(REFRESH.capacity - 1), other.header("RateLimit-Remaining"));
        // and the refusal is in the audit trail with the refused client's IP
        assertRateLimitedEventFor(client.clientIp(), start);
    }

    @Test
    void requestsBeyondTheLimitThatWouldFailAnywayAreStillRefusedWith429() {
        // given a client that sends refresh tokens the server never issued (each answers 401)
        Api client = Api.of(server);

        // when it keeps sending them until refused
        Burst burst = untilRefused(REFRESH, () -> client.refresh("never-issued-" + System.nanoTime()));

        // then the failures counted against the bucket just like successes, and the next got 429
        burst.passed.forEach(reply -> assertEquals(401, reply.status(), () -> "refresh: " + reply));
        assertPassedExactlyTheCapacity(REFRESH, burst);
        assertTooManyRequests(burst.refused, REFRESH);
    }

    @Test
    void rightMostUntrustedForwardedForHopIsTheClientIp() {
        // given an existing account (signups of its email answer 409 but still count) and a client IP
        Accounts.Session taken = Accounts.signUp(Api.of(server));
        String clientIp = Api.randomIp();
        Api behindProxy = new Api(server.baseUri(), "198.51.100.7, " + clientIp);
        Instant start = Instant.now().minusSeconds(1);

        // when that client, behind a proxy chain (left-most hop client-controlled), exhausts its signup bucket
        Burst burst = untilRefused(SIGNUP, () -> behindProxy.signup(taken.email(), Accounts.PASSWORD));
        burst.passed.forEach(reply -> assertEquals(409, reply.status(), () -> "signup of a taken email: " + reply));
        assertPassedExactlyTheCapacity(SIGNUP, burst);
        assertTooManyRequests(burst.refused, SIGNUP);

        // then the same IP as a single hop, or behind another left-most hop, shares that bucket
        Reply direct = new Api(server.baseUri(), clientIp).signup(taken.email(), Accounts.PASSWORD);
        assertEquals(429, direct.status(), () -> "same client IP as single hop: " + direct);
        Reply otherLeftHop =
                new Api(server.baseUri(), "203.0.113.9, " + clientIp).signup(taken.email(), Accounts.PASSWORD);
        assertEquals(429, otherLeftHop.status(), () -> "same right-most hop, other left hop: " + otherLeftHop);
        // and the left-most hop alone is a different client, unaffected
        Reply leftHopAlone = new Api(server.baseUri(), "198.51.100.7").signup(taken.email(), Accounts.PASSWORD);
        assertEquals(409, leftHopAlone.status(), () -> "left-most hop as its own client: " + leftHopAlone);
        // and the audit trail names the right-most untrusted hop as the client
        assertRateLimitedEventFor(clientIp, start);
    }

    // ---- helpers

    private record Limit(int capacity, Duration period) {
        Duration interval() {
            return period.dividedBy(capacity);
        }

        /** How many tokens may have been refilled during a burst that lasted this long. */
        int refilledWithin(long millis) {
            return (int) (millis / interval().toMillis());
        }
    }

    /** The replies that passed the limiter, when each arrived (ms after the first was sent), and the 429. */
    private static final class Burst {
        final List<Reply> passed = new ArrayList<>();
        final List<Long> passedAtMillis = new ArrayList<>();
        Reply refused;

        long lastPassedAtMillis() {
            return passedAtMillis.isEmpty() ? 0 : passedAtMillis.get(passedAtMillis.size() - 1);
        }
    }

    private static Burst untilRefused(Limit limit, Supplier<Reply> request) {
        Burst burst = new Burst();
        long started = System.nanoTime();
        for (int sent = 0; sent < limit.capacity + 20; sent++) {
            Reply reply = request.get();
            if (reply.status() == 429) {
                burst.refused = reply;
                return burst;
            }
            burst.passed.add(reply);
            burst.passedAtMillis.add(
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        fail("no 429 after " + burst.passed.size() + " requests (capacity " + limit.capacity + "); last: "
                + burst.passed.get(burst.passed.size() - 1));
        return burst;
    }

    private static void assertPassedExactlyTheCapacity(Limit limit, Burst burst) {
        int passed = burst.passed.size();
        int refilled = limit.refilledWithin(burst.lastPassedAtMillis());
        assertTrue(
                passed >= limit.capacity && passed <= limit.capacity + refilled,
                () -> passed + " requests passed before the 429; expected " + limit.capacity
                        + (refilled == 0
                                ? ""
                                : " (up to " + refilled + " more for a burst of " + burst.lastPassedAtMillis() + " ms)")
                        + "; refusal: " + burst.refused);
    }

    private static void assertRateLimitHeadersCountDown(Limit limit, Burst burst) {
        for (int i = 0; i < burst.passed.size(); i++) {
            Reply reply = burst.passed.get(i);
            String which = "reply " + (i + 1) + " " + reply.headers();
            assertEquals(String.valueOf(limit.capacity), reply.header("RateLimit-Limit"), which);
            long remaining = integerHeader(reply, "RateLimit-Remaining");
            long fewest = Math.max(0, limit.capacity - 1 - i);
            long most = Math.min(limit.capacity - 1, fewest + limit.refilledWithin(burst.passedAtMillis.get(i)));
            assertTrue(
                    remaining >= fewest && remaining <= most,
                    which + ": RateLimit-Remaining " + remaining + ", expected " + fewest
                            + (most == fewest ? "" : ".." + most));
            assertTrue(integerHeader(reply, "RateLimit-Reset") >= 0, which);
        }
        Reply last = burst.passed.get(burst.passed.size() - 1);
        assertEquals("0", last.header("RateLimit-Remaining"), "the last reply before the 429 has nothing left");
    }

    private static void assertTooManyRequests(Reply refused, Limit limit) {
        assertNotNull(refused);
        ProblemAssertions.assertTooManyRequests(refused, limit.period.toSeconds());
    }

    private static long integerHeader(Reply reply, String name) {
        String value = reply.header(name);
        assertNotNull(value, () -> name + " missing: " + reply.headers());
        assertTrue(value.matches("\\d+"), () -> name + " is not a plain integer: '" + value + "'");
        return Long.parseLong(value);
    }

    private static void assertRateLimitedEventFor(String clientIp, Instant since) {
        JsonObject event = audit.await(
                "type=RATE_LIMITED&limit=500&since=" + encode(since.toString()),
                candidate -> sameIp(clientIp, candidate.getString("ip", null)),
                "RATE_LIMITED event with ip " + clientIp);
        assertEquals("RATE_LIMITED", event.getString("type"));
        assertNotEquals("SUCCESS", event.getString("outcome", null), () -> "a refusal recorded as success: " + event);
    }
}
