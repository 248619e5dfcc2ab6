package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.StockLiberty;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Story: an operator installs the EAR into an Open Liberty they already run, by following the README's section
 * "Deploying the EAR to an existing Open Liberty". A fresh stock runtime (the zip from Maven Central, {@code server
 * create}) gets the README's shell block, run as written, and a server.env like deploy/liberty/server.env.example;
 * then it must serve signup, /me, the JWKS and OpenAPI with no error logged, on H2 or on MariaDB (-Dit.db). A
 * plain JUnit test rather than Arquillian: Arquillian would deploy the EAR its own way, not the README's.
 */
class DeploymentKitIT {
    private static final String README_SECTION = "## Deploying the EAR to an existing Open Liberty";

    private static StockLiberty liberty;
    private static String stockServerEnv;

    @BeforeAll
    static void followTheReadme() throws IOException {
        Path repo = Path.of(System.getProperty("it.repo.dir", "..")).toAbsolutePath();
        liberty = StockLiberty.create(
                Path.of(System.getProperty("it.liberty.zip")),
                TestEnvironment.workDir().resolve("stock-liberty"),
                "operatorServer");
        StockLiberty.runScript(
                readmeSteps(repo),
                repo,
                Map.of("SERVER_DIR", liberty.serverDir().toString()));
        stockServerEnv = Files.readString(liberty.serverDir().resolve("server.env"));
    }

    @AfterEach
    void stopAndClearLogs() throws IOException {
        liberty.stopIfRunning();
        liberty.clearLogs();
    }

    @Test
    void theEarServesSignupMeJwksAndOpenApiWithNoErrorLogged() throws IOException {
        writeServerEnv(settings());
        liberty.start();
        liberty.awaitReady();

        String database = TestEnvironment.onMariaDb() ? "MariaDB" : "H2";
        assertTrue(
                liberty.messages().contains("Database product name : " + database),
                () -> "not on " + database + ":\n" + liberty.messages());

        Api api = new Api(liberty.baseUri(), Api.randomIp());
        Accounts.Session session = Accounts.signUp(api);
        Reply me = api.me(session.accessToken());
        assertEquals(200, me.status(), () -> "/me with the token: " + me);
        assertEquals(session.email(), me.json().getString("email"));
        Reply jwks = api.get("/api/auth/jwks", null);
        assertEquals(200, jwks.status(), jwks::toString);
        assertFalse(jwks.json().getJsonArray("keys").isEmpty(), jwks::toString);
        Reply openApi = api.get("/openapi", null);
        assertEquals(200, openApi.status(), openApi::toString);
        assertTrue(openApi.body().contains("/api/auth/signup"), openApi::body);

        liberty.stop();
        assertEquals(java.util.List.of(), liberty.errorLines(), "errors in messages.log");
    }

    @Test
    void anIssuerLeftAsAVariableStopsTheApplicationWithAClearMessage() throws IOException {
        Map<String, String> settings = settings();
        settings.put("AUTH_JWT_ISSUER", "${public.url}");
        writeServerEnv(settings);
        liberty.start();

        String failure = liberty.awaitApplicationFailure();
        assertTrue(failure.contains("auth.jwt.issuer"), failure);
    }

    @Test
    void aDataSourceThatCannotConnectStopsTheApplicationWithAClearMessage() throws IOException {
        Map<String, String> settings = settings();
        settings.put("AUTH_DB", "mariadb");
        settings.put("AUTH_DB_HOST", "127.0.0.1");
        settings.put("AUTH_DB_PORT", String.valueOf(closedPort()));
        writeServerEnv(settings);
        liberty.start();

        String failure = liberty.awaitApplicationFailure();
        assertTrue(failure.contains("The data source jdbc/auth cannot connect"), failure);
    }

    /** What deploy/liberty/server.env.example asks for, for this server and the test's database. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        settings.put("AUTH_JWT_ISSUER", "https://auth.it.example");
        settings.put("AUTH_JWT_AUDIENCE", "it-services");
        settings.put(
                "AUTH_JWKS_URI", liberty.baseUri().resolve("/api/auth/jwks").toString());
        return settings;
    }

    /** The server.env Liberty wrote (its keystore password) with the settings appended, as the README says. */
    private static void writeServerEnv(Map<String, String> settings) throws IOException {
        StringBuilder env = new StringBuilder(stockServerEnv.strip()).append('\n');
        settings.forEach(
                (name, value) -> env.append(name).append('=').append(value).append('\n'));
        Files.writeString(liberty.serverDir().resolve("server.env"), env.toString());
    }

    /** The first sh block of the README's deployment section: the steps, exactly as an operator reads them. */
    private static String readmeSteps(Path repo) throws IOException {
        String readme = Files.readString(repo.resolve("README.md"));
        int section = readme.indexOf(README_SECTION);
        assertTrue(section >= 0, "README has no section " + README_SECTION);
        int start = readme.indexOf("```sh\n", section) + "```sh\n".length();
        int end = readme.indexOf("```", start);
        int nextSection = readme.indexOf("\n## ", section + 1);
        assertTrue(start > section && end < nextSection, "the section has no sh block");
        return readme.substring(start, end);
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
