package dev.sentinel.auth.it;

import static dev.sentinel.auth.it.support.AuditTrailClient.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuditTrailClient;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.AuthenticatorApp;
import dev.sentinel.auth.it.support.OAuthForms;
import dev.sentinel.auth.it.support.Pause;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As a user I want my password and tokens never kept in clear, neither in the audit trail nor in the
 * database, so that a leaked backup or an operator's screen gives nobody my account.
 */
class SecretsAtRestIT extends SharedServerTest {
    private static final Duration FLUSH_DEADLINE = Duration.ofSeconds(15);

    private static AuditTrailClient audit;

    @BeforeAll
    static void loginAsAdmin() {
        audit = AuditTrailClient.asAdmin(server);
    }

    @Test
    void noAuthEventContainsAPasswordOrAToken() {
        // given a user who signed up, logged in, refreshed, failed a login and changed the password
        Journey journey = Journey.walk(server);

        // when the audit trail is read: the user's events, the email's events and the newest of all
        String trail = audit.query("user_id=" + journey.userId + "&limit=500").body()
                + audit.query("email=" + encode(journey.email) + "&limit=500").body()
                + audit.query("limit=500").body();

        // then it holds the journey's events but none of its secrets
        assertTrue(trail.contains(journey.userId) && trail.contains(journey.email), "the journey's events are missing");
        for (String type : new String[] {"SIGNUP", "LOGIN", "TOKEN_REFRESH", "PASSWORD_CHANGED"}) {
            assertTrue(trail.contains("\"" + type + "\""), "no " + type + " event to scan");
        }
        journey.secrets.forEach(
                (name, secret) -> assertFalse(trail.contains(secret), () -> "the audit trail contains the " + name));
    }

    @Test
    void noStoredRowContainsAPasswordOrAToken() throws Exception {
        // given a user who signed up, logged in, refreshed, failed a login and changed the password
        Journey journey = Journey.walk(server);
        // and, after it, an event whose user agent marks the end of the journey in the stored rows
        String marker = recordMarkerEvent();

        // when everything the database stores is read (MariaDB: every row; H2: the bytes of its files)
        String stored = TestEnvironment.onMariaDb() ? allMariaDbRows(marker) : h2FilesOnceFlushed(marker);

        // then it holds the journey (the scan reads real rows) but none of its secrets
        assertTrue(
                stored.contains(journey.email), "the stored data lacks the user's email: the scan reads nothing real");
        journey.secrets.forEach((name, secret) ->
                assertFalse(stored.contains(secret), () -> "the database stores the " + name + " in clear"));
        // and the service client's secret is there as its SHA-256 only
        assertTrue(stored.contains(journey.clientSecretHash), "the client secret's hash is not stored");
    }

    // ---- the journey and its secrets

    private static final class Journey {
        final Map<String, String> secrets = new LinkedHashMap<>();
        String email;
        String userId;
        String clientSecretHash;

        static Journey walk(AuthServer server) {
            Journey journey = new Journey();
            String tag = UUID.randomUUID().toString().replace("-", "");
            String firstPassword = "FirstSecretPw-" + tag;
            String secondPassword = "SecondSecretPw-" + tag;
            String wrongPassword = "WrongSecretPw-" + tag;
            String unknownRefreshToken = "UnknownRefreshSecret-" + tag;
            journey.secrets.put("signup password", firstPassword);
            journey.secrets.put("new password", secondPassword);
            journey.secrets.put("wrong password of a failed login", wrongPassword);
            journey.secrets.put("refresh token that was never issued", unknownRefreshToken);
            journey.email = "secrets-" + tag + "@it.example";
            Api api = Api.of(server);

            Reply signup = api.signup(journey.email, firstPassword);
            assertEquals(201, signup.status(), () -> "signup: " + signup);
            journey.userId = signup.json().getJsonObject("user").getString("id");
            journey.keepTokens("signup", signup);
            Reply login = api.login(journey.email, firstPassword);
            assertEquals(200, login.status(), () -> "login: " + login);
            journey.keepTokens("login", login);
            Reply refresh = api.refresh(login.json().getString("refresh_token"));
            assertEquals(200, refresh.status(), () -> "refresh: " + refresh);
            journey.keepTokens("refresh", refresh);
            assertEquals(401, api.login(journey.email, wrongPassword).status());
            assertEquals(401, api.refresh(unknownRefreshToken).status());
            Reply change = api.post(
                    "/api/auth/password",
                    Api.json("current_password", firstPassword, "new_password", secondPassword),
                    refresh.json().getString("access_token"));
            assertEquals(204, change.status(), () -> "password change: " + change);
            Reply relogin = api.login(journey.email, secondPassword);
            assertEquals(200, relogin.status(), () -> "login with the new password: " + relogin);
            journey.keepTokens("login with the new password", relogin);
            journey.useOAuth(api, secondPassword, tag);
            journey.turnOnASecondFactorAndLogInWithIt(api, relogin.json().getString("access_token"), secondPassword);

            audit.awaitPage(
                    "user_id=" + journey.userId + "&limit=500",
                    page -> page.stream().anyMatch(event -> "PASSWORD_CHANGED".equals(event.getString("type")))
                            && page.stream()
                                            .filter(event -> "LOGIN".equals(event.getString("type")))
                                            .count()
                                    >= 2,
                    "the journey's events");
            return journey;
        }

        /** The TOTP secret, the recovery codes and an mfa_token are secrets too (docs/api.md "Second factor"). */
        private void turnOnASecondFactorAndLogInWithIt(Api api, String accessToken, String password) {
            AuthenticatorApp.awaitStepWithTimeLeft(Duration.ofSeconds(5));
            Reply enrolment = api.post("/api/auth/mfa/totp", "", accessToken);
            assertEquals(200, enrolment.status(), () -> "enrol: " + enrolment);
            String secret = enrolment.json().getString("secret");
            secrets.put("TOTP secret", secret);
            AuthenticatorApp app = AuthenticatorApp.ofBase32(secret);
            long step = AuthenticatorApp.currentStep();
            Reply confirm = api.post("/api/auth/mfa/totp/confirm", Api.json("code", app.code(step - 1)), accessToken);
            assertEquals(200, confirm.status(), () -> "confirm: " + confirm);
            var codes = confirm.json().getJsonArray("recovery_codes");
            for (int i = 0; i < codes.size(); i++) {
                secrets.put("recovery code " + i, codes.getString(i));
            }
            Reply passwordStep = api.login(email, password);
            assertEquals(401, passwordStep.status(), () -> "password step: " + passwordStep);
            String mfaToken = passwordStep.json().getString("mfa_token");
            secrets.put("mfa_token", mfaToken);
            Reply secondStep = api.post(
                    "/api/auth/login/mfa", Api.json("mfa_token", mfaToken, "recovery_code", codes.getString(0)));
            assertEquals(200, secondStep.status(), () -> "second step: " + secondStep);
            keepTokens("login with a second factor", secondStep);
        }

        /** The OAuth side: a service client (its secret shown once), its token, a password grant, a wrong secret. */
        private void useOAuth(Api api, String password, String tag) {
            OAuthForms oauth = new OAuthForms(api);
            OAuthForms.ServiceClient client = OAuthForms.createClient(api, audit.adminToken(), "secrets-" + tag);
            secrets.put("client secret", client.secret());
            clientSecretHash = sha256Hex(client.secret());
            Reply clientToken = oauth.clientCredentials(client);
            assertEquals(200, clientToken.status(), () -> "client credentials: " + clientToken);
            secrets.put("client-credentials access token", clientToken.json().getString("access_token"));
            String wrongSecret = "WrongClientSecret-" + tag;
            secrets.put("wrong client secret", wrongSecret);
            Reply refused = oauth.clientCredentials(new OAuthForms.ServiceClient(client.id(), wrongSecret));
            assertEquals(401, refused.status(), () -> "wrong client secret: " + refused);
            Reply grant = oauth.passwordGrant(email, password);
            assertEquals(200, grant.status(), () -> "password grant: " + grant);
            keepTokens("password grant", grant);
        }

        private static String sha256Hex(String value) {
            try {
                return java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(value.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private void keepTokens(String step, Reply tokens) {
            String refreshToken = tokens.json().getString("refresh_token");
            String accessToken = tokens.json().getString("access_token");
            String[] parts = accessToken.split("\\.");
            assertEquals(3, parts.length, () -> "access token of " + step + " is not a JWS");
            assertTrue(refreshToken.length() >= 32, () -> "refresh token of " + step + " too short to scan for");
            secrets.put("refresh token of " + step, refreshToken);
            secrets.put("access token of " + step, accessToken);
            secrets.put("access token signature of " + step, parts[2]);
        }
    }

    // ---- reading what is stored

    /** A failed login from a unique user agent: an event row written after the journey's. */
    private static String recordMarkerEvent() throws IOException, InterruptedException {
        String marker = "stored-rows-marker-" + UUID.randomUUID();
        String email = "marker-" + UUID.randomUUID() + "@it.example";
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("User-Agent", marker)
                .header("X-Forwarded-For", Api.randomIp())
                .POST(HttpRequest.BodyPublishers.ofString(Api.json("email", email, "password", "marker password")))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response::body);
        audit.await(
                "type=LOGIN&email=" + encode(email),
                event -> marker.equals(event.getString("user_agent", null)),
                "the marker event");
        return marker;
    }

    /** The H2 files of the shared server as Latin-1 text (so that ASCII secrets are found byte for byte). */
    private static String h2FilesOnceFlushed(String marker) throws IOException {
        Path data = server.outputDirectory().resolve("data");
        assertTrue(Files.isDirectory(data), "no H2 data directory at " + data);
        Instant deadline = Instant.now().plus(FLUSH_DEADLINE);
        String bytes = readAll(data);
        // H2 writes committed changes to its file in the background: wait until the marker event is there
        while (!bytes.contains(marker)) {
            if (Instant.now().isAfter(deadline)) {
                fail("the marker event did not reach the H2 files under " + data + " within " + FLUSH_DEADLINE);
            }
            Pause.millis(100);
            bytes = readAll(data);
        }
        return bytes;
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        List<Path> files;
        try (Stream<Path> paths = Files.walk(dir)) {
            files = paths.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "no files under " + dir);
        for (Path file : files) {
            try {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .append('\n');
            } catch (IOException e) {
                // a temporary file that went away while listing: the others still count
                if (Files.exists(file)) {
                    throw e;
                }
            }
        }
        return all.toString();
    }

    /** Every column of every row of the shared server's MariaDB database, as UTF-8 text. */
    private static String allMariaDbRows(String marker) throws SQLException {
        String database = TestEnvironment.sharedDatabaseName();
        assertNotNull(database, "the shared server runs on MariaDB but names no database");
        StringBuilder all = new StringBuilder();
        try (Connection db = TestEnvironment.connectToMariaDb(database)) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement query =
                    db.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
                query.setString(1, database);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            assertTrue(tables.contains("auth_events") && tables.contains("users"), "tables: " + tables);
            for (String table : tables) {
                try (Statement statement = db.createStatement();
                        ResultSet rows = statement.executeQuery("SELECT * FROM `" + table.replace("`", "``") + "`")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            all.append(text(rows, column)).append('\t');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        assertTrue(all.indexOf(marker) >= 0, "the marker event is not among the rows");
        return all.toString();
    }

    /** A column as text: binary columns decoded as UTF-8, the others as the driver renders them. */
    private static String text(ResultSet rows, int column) throws SQLException {
        int type = rows.getMetaData().getColumnType(column);
        if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB) {
            byte[] value = rows.getBytes(column);
            return value == null ? "" : new String(value, StandardCharsets.UTF_8);
        }
        String value = rows.getString(column);
        return value == null ? "" : value;
    }
}
