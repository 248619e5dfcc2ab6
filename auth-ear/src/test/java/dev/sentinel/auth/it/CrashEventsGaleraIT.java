package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.GaleraCluster;
import dev.sentinel.auth.it.support.MixedLoad;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of an instance under load: after its restart, every signup answered 201 and every login answered
 * 200 has its auth event, because the event of a change commits in the change's own transaction. (Events
 * of refusals are queued in memory and written in batches: a crash may lose the last 200 ms of them; a
 * graceful stop writes them all, as RestartIT checks.) Runs in the Galera stage, on one node of the
 * cluster, where a commit is durable once acknowledged.
 */
class CrashEventsGaleraIT {
    private static String database;
    private static AuthServer server;

    @BeforeAll
    static void start() {
        database = TestEnvironment.freshDatabaseName();
        server = AuthServer.start("crash", TestEnvironment.withTestSettings(GaleraCluster.database(database, 3)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyAnsweredChangeHasItsEventAfterACrash() throws SQLException {
        MixedLoad load = MixedLoad.start(List.of(server), 6);
        try {
            Instant started = Instant.now();
            for (int i = 0; i < 20; i++) { // a good number of changes before the crash
                load.awaitAnswer(server.name(), 201, started, Duration.ofSeconds(60));
                started = Instant.now();
            }
            server = server.crashAndRestart();
        } finally {
            load.close();
        }

        assertTrue(load.answers().stream().anyMatch(answer -> answer.status() == -1), "the crash cut requests");
        Map<String, Integer> signupEvents = successEventsByEmail("SIGNUP");
        Map<String, Integer> loginEvents = successEventsByEmail("LOGIN");
        assertTrue(load.signedUp().size() >= 20, () -> load.signedUp().size() + " signups");
        for (String email : load.signedUp()) {
            assertEquals(1, signupEvents.getOrDefault(email, 0), () -> "SIGNUP events of " + email);
        }
        load.loginsGranted()
                .forEach((email, granted) ->
                        assertEquals(granted, loginEvents.getOrDefault(email, 0), () -> "LOGIN events of " + email));
    }

    private static Map<String, Integer> successEventsByEmail(String type) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = GaleraCluster.connect(3, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT email, COUNT(*) FROM auth_events WHERE type = '" + type
                        + "' AND outcome = 'SUCCESS' GROUP BY email")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }
}
