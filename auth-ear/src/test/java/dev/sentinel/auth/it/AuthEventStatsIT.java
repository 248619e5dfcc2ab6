package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertProblem;
import static dev.sentinel.auth.it.support.ProblemAssertions.assertValidationProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * As an operator I want to see how many logins, failures and lockouts happened per minute, hour or day, counted
 * by the database, so that a dashboard stays fast on a large audit trail (docs/api.md, stats endpoint).
 */
class AuthEventStatsIT extends SharedServerTest {
    private static final String PATH = "/api/admin/auth-events/stats";
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private String adminToken;

    @BeforeEach
    void logInAsAdmin() {
        adminToken = AuditTrailClient.asAdmin(server).adminToken();
    }

    @Test
    void countsPerMinuteGrowByTheEventsTheTestCauses() {
        // given the counts of a range around now, before the test acts
        Instant now = Instant.now();
        String range =
                "bucket=PT1M&since=" + encode(now.minus(Duration.ofMinutes(5)).toString()) + "&until="
                        + encode(now.plus(Duration.ofMinutes(5)).toString());
        Map<String, Long> before = totals(stats(range));

        // when a user signs up, logs in twice and fails three times
        Accounts.Session user = Accounts.signUp(api);
        Accounts.logIn(api, user.email());
        Accounts.logIn(api, user.email());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, api.login(user.email(), "wrong password 123").status());
        }

        // then the counts of the range grow by exactly those events
        Map<String, Long> expected = Map.of("SIGNUP/SUCCESS", 1L, "LOGIN/SUCCESS", 2L, "LOGIN/FAILURE", 3L);
        Map<String, Long> growth = awaitGrowth(range, before, expected);
        assertEquals(expected, pick(growth, expected.keySet().stream().toList()), () -> "growth: " + growth);
    }

    @Test
    void everyBucketOfTheRangeIsListedOldestFirstFromAWholeHour() {
        Instant since = Instant.parse("2026-01-01T10:30:00Z");
        Instant until = Instant.parse("2026-01-01T13:00:00Z");

        JsonObject answer =
                stats("bucket=PT1H&since=" + encode(since.toString()) + "&until=" + encode(until.toString()));

        assertEquals("PT1H", answer.getString("bucket"));
        assertEquals(
                List.of("2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z", "2026-01-01T12:00:00Z"),
                answer.getJsonArray("items").stream()
                        .map(item -> item.asJsonObject().getString("start"))
                        .toList());
        answer.getJsonArray("items")
                .forEach(item -> assertTrue(item.asJsonObject().containsKey("counts"), answer::toString));
    }

    @Test
    void withoutParametersTheLastDayComesInHours() {
        JsonObject answer = stats("");

        assertEquals("PT1H", answer.getString("bucket"));
        List<Instant> starts = answer.getJsonArray("items").stream()
                .map(item -> Instant.parse(item.asJsonObject().getString("start")))
                .toList();
        assertEquals(25, starts.size(), answer::toString);
        starts.forEach(start -> assertEquals(start.truncatedTo(ChronoUnit.HOURS), start));
        assertTrue(starts.get(24).isAfter(Instant.now().minus(Duration.ofHours(1))), answer::toString);
    }

    @Test
    void daysStartAtMidnightUtc() {
        JsonObject answer = stats("bucket=P1D");

        assertEquals("P1D", answer.getString("bucket"));
        assertEquals(31, answer.getJsonArray("items").size(), answer::toString);
        answer.getJsonArray("items")
                .forEach(item ->
                        assertTrue(item.asJsonObject().getString("start").endsWith("T00:00:00Z"), answer::toString));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bucket=PT5M", "bucket=P1W", "bucket=minute", "bucket=PT60S"})
    void anotherBucketIsRefusedNamingIt(String query) {
        assertValidationProblem(get(PATH + "?" + query, adminToken), "bucket");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "since=yesterday",
                "since=2026-13-01T00:00:00Z",
                "since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z",
                "since=2026-01-01T00:00:00Z&until=2026-01-01T00:00:00Z",
                "since=-999999999-01-01T00:00:00Z",
                "bucket=PT1M&since=2026-01-01T00:00:00Z&until=2026-01-03T00:00:00Z",
                "bucket=P1D&since=1970-01-01T00:00:00Z&until=2026-01-01T00:00:00Z"
            })
    void aBadOrInvertedTimeOrTooManyBucketsIsRefusedNamingSince(String query) {
        assertValidationProblem(get(PATH + "?" + query.replace(":", "%3A"), adminToken), "since");
    }

    @Test
    void aBadUntilIsRefusedNamingIt() {
        assertValidationProblem(get(PATH + "?until=soon", adminToken), "until");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        assertProblem(get(PATH, null), 401);
    }

    @Test
    void anOrdinaryUserIsRefusedWith403() {
        assertProblem(get(PATH, Accounts.signUp(api).accessToken()), 403);
    }

    private Reply get(String path, String token) {
        return api.get(path, token);
    }

    private JsonObject stats(String query) {
        Reply reply = get(query.isEmpty() ? PATH : PATH + "?" + query, adminToken);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    /** Events are written asynchronously: polls until every expected count has grown at least as expected. */
    private Map<String, Long> awaitGrowth(String range, Map<String, Long> before, Map<String, Long> expected) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            Map<String, Long> growth = new HashMap<>(totals(stats(range)));
            before.forEach((key, count) -> growth.merge(key, -count, Long::sum));
            boolean grown =
                    expected.entrySet().stream().allMatch(e -> growth.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (grown || Instant.now().isAfter(deadline)) {
                return growth;
            }
            Pause.millis(100);
        }
    }

    /** The counts of every bucket, added up per TYPE/OUTCOME. */
    private static Map<String, Long> totals(JsonObject answer) {
        Map<String, Long> totals = new HashMap<>();
        for (JsonValue item : answer.getJsonArray("items")) {
            item.asJsonObject()
                    .getJsonObject("counts")
                    .forEach((key, count) -> totals.merge(key, ((JsonNumber) count).longValue(), Long::sum));
        }
        return totals;
    }

    private static Map<String, Long> pick(Map<String, Long> counts, List<String> keys) {
        Map<String, Long> picked = new HashMap<>();
        keys.forEach(key -> picked.put(key, counts.getOrDefault(key, 0L)));
        return picked;
    }
}
