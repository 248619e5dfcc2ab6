package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database created beforehand in latin1 (MariaDB's own default before 11.6): the schema migration stores
 * text as utf8mb4 all the same, so any address can sign up, and the audit trail keeps every event.
 */
class CharacterSetMariaDbIT {
    private static String database;
    private static AuthServer server;

    @BeforeAll
    static void startOnALatin1Database() throws Exception {
        database = TestEnvironment.freshDatabaseName();
        try (Connection db = TestEnvironment.connectToMariaDb("");
                Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        }
        server = AuthServer.start("latin1", TestEnvironment.withTestSettings(TestEnvironment.database(database)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tablesAreUtf8mb4ComparedExactly() throws Exception {
        try (Connection db = TestEnvironment.connectToMariaDb(database);
                Statement statement = db.createStatement();
                ResultSet others = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'"
                        + " AND table_collation <> 'utf8mb4_bin'")) {
            others.next();
            assertEquals(0, others.getInt(1), "tables not in utf8mb4_bin");
        }
    }

    @Test
    void anAddressOutsideLatin1SignsUpAndLogsIn() {
        String email = "用户-" + UUID.randomUUID() + "@it.example";

        Reply signup = Api.of(server).signup(email, "correct horse battery");

        assertEquals(201, signup.status(), signup::toString);
        assertEquals(email, signup.json().getJsonObject("user").getString("email"));
        assertEquals(200, Api.of(server).login(email, "correct horse battery").status());
    }

    @Test
    void theAuditTrailKeepsAnEventNamingSuchAnAddressAndTheEventsAfterIt() {
        AuditTrailClient trail = AuditTrailClient.asAdmin(server);
        String email = "ユーザー-" + UUID.randomUUID() + "@it.example";
        String after = "after-" + UUID.randomUUID() + "@it.example";

        Api.of(server).login(email, "wrong password");
        Api.of(server).login(after, "wrong password");

        trail.await(
                "email=" + AuditTrailClient.encode(email),
                event -> email.equals(event.getString("email")),
                "failed login naming " + email);
        trail.await(
                "email=" + AuditTrailClient.encode(after),
                event -> after.equals(event.getString("email")),
                "failed login after it");
    }
}
