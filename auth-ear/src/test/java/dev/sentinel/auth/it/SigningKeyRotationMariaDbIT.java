package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.SigningKeysClient.await;
import static dev.sentinel.auth.it.support.SigningKeysClient.kidOf;
import static dev.sentinel.auth.it.support.SigningKeysClient.publishedKids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Accounts.Session;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.SigningKeysClient;
import dev.sentinel.auth.it.support.SigningKeysClient.Rotation;
import dev.sentinel.auth.it.support.StoredSigningKeys;
import dev.sentinel.auth.it.support.StoredSigningKeys.Row;
import dev.sentinel.auth.it.support.TestEnvironment;
import dev.sentinel.auth.it.support.TwoInstances;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one MariaDB database, as a load-balanced deployment runs: a rotation made on one is published
 * by the other within seconds and signs there only after the JWKS cache lifetime, each accepts the other's tokens
 * throughout, and the scheduled rotation, due on both at once, is made by one of them only.
 */
class SigningKeyRotationMariaDbIT {
    private static final Duration MAX_AGE = Duration.ofSeconds(3);
    private static final Duration PERIOD = Duration.ofSeconds(15);

    private static String database;
    private static AuthServer first;
    private static AuthServer second;

    @BeforeAll
    static void startTwoInstances() {
        database = TestEnvironment.freshDatabaseName();
        Map<String, String> env = TestEnvironment.withTestSettings(TestEnvironment.database(database));
        env.put("AUTH_JWKS_MAX_AGE", "PT" + MAX_AGE.toSeconds() + "S");
        env.put("AUTH_SIGNING_KEY_POLL_INTERVAL", "PT1S");
        env.put("AUTH_SIGNING_KEY_ROTATION_PERIOD", "PT" + PERIOD.toSeconds() + "S");
        TwoInstances both = TwoInstances.start("rotation", env);
        first = both.first();
        second = both.second();
    }

    @AfterAll
    static void stop() {
        TestEnvironment.stopAll(first, second);
    }

    @Test
    void aRotationOnOneIsPublishedByTheOtherWithinSecondsAndSignsThereOnlyAfterTheCacheLifetime() {
        Api onFirst = Api.of(first);
        Api onSecond = onFirst.on(second);
        Session ofFirst = Accounts.signUp(onFirst);

        Rotation rotation = SigningKeysClient.rotate(onFirst, SigningKeysClient.adminToken(onFirst));

        await(
                Duration.ofSeconds(5),
                "the second instance publishing the new key",
                () -> publishedKids(onSecond).contains(rotation.kid()) ? true : null);
        Session ofSecond = await(Duration.ofSeconds(30), "a token of the new key from the second instance", () -> {
            Instant asked = Instant.now();
            Session session = Accounts.logIn(onSecond.from(Api.randomIp()), ofFirst.email());
            assertEquals(200, onSecond.me(ofFirst.accessToken()).status(), "the first's token on the second");
            assertEquals(200, onFirst.me(session.accessToken()).status(), "the second's token on the first");
            boolean newKey = kidOf(session.accessToken()).equals(rotation.kid());
            assertFalse(
                    newKey && asked.isBefore(rotation.signsFrom().minusMillis(500)),
                    "the second instance signed with the new key before its time");
            return newKey ? session : null;
        });
        assertEquals(200, onFirst.me(ofSecond.accessToken()).status());
        assertEquals(200, onSecond.me(ofFirst.accessToken()).status());
    }

    @Test
    void theScheduledRotationIsMadeByOneInstanceOnlyOncePerPeriod() throws Exception {
        AuditTrailClient audit = AuditTrailClient.asAdmin(first);
        List<JsonObject> scheduled = audit.awaitPage(
                "type=SIGNING_KEY_ROTATED&limit=100",
                page -> scheduledOnly(page).size() >= 2,
                "two scheduled rotations",
                PERIOD.multipliedBy(5));

        Set<String> scheduledKids = scheduledOnly(scheduled).stream()
                .map(event -> event.getString("reason").substring("kid=".length()))
                .collect(Collectors.toSet());
        List<Row> rows = StoredSigningKeys.read(null, database);
        for (int i = 1; i < rows.size(); i++) {
            Row key = rows.get(i);
            Row predecessor = rows.get(i - 1);
            assertEquals(predecessor.generation() + 1, key.generation(), rows::toString);
            if (scheduledKids.contains(key.kid())) {
                assertFalse(
                        key.publishesAt().isBefore(predecessor.publishesAt().plus(PERIOD)),
                        () -> "rotated before the period was over: " + rows);
            }
        }
        assertTrue(
                rows.stream().map(Row::kid).collect(Collectors.toSet()).containsAll(scheduledKids),
                () -> scheduledKids + " not all among " + rows);
    }

    /** Rotations nobody asked for: events without a user. */
    private static List<JsonObject> scheduledOnly(List<JsonObject> events) {
        return events.stream()
                .filter(event -> "SUCCESS".equals(event.getString("outcome")))
                .filter(event -> !event.containsKey("user_id") || event.isNull("user_id"))
                .toList();
    }
}
