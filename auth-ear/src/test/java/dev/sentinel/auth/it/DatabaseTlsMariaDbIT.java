package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.Accounts;
import dev.sentinel.auth.it.support.Api;
import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.Reply;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * As an operator whose database is reached over a network, I set AUTH_DB_TLS and the service talks to MariaDB
 * only over TLS, verified when I say so, or does not start at all. The server here (.ci/mariadb-tls.sh) accepts
 * nothing but TLS and has a certificate from a throw-away CA.
 */
class DatabaseTlsMariaDbIT {
    private static final Path SCRIPT = Path.of("..", ".ci", "mariadb-tls.sh").toAbsolutePath();
    private static Map<String, String> tlsServer;

    @BeforeAll
    static void startTlsOnlyMariaDb() throws IOException, InterruptedException {
        tlsServer = new HashMap<>();
        for (String line : script("start").split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                tlsServer.put(
                        line.substring(0, equals), line.substring(equals + 1).strip());
            }
        }
    }

    @AfterAll
    static void stopTlsOnlyMariaDb() throws IOException, InterruptedException {
        script("stop");
    }

    @Test
    void verifyFullWithTheServersCertificateAuthorityServes() {
        Map<String, String> env = onTlsServer("verify-full");
        env.put("AUTH_DB_TLS_CA", tlsServer.get("TLS_DB_CA"));

        try (AuthServer server = AuthServer.start("db-tls-verify-full", env)) {
            Reply signup = Api.of(server).signup(Accounts.uniqueEmail(), Accounts.PASSWORD);

            assertEquals(201, signup.status(), signup::toString);
        }
    }

    @Test
    void verifyFullRefusesAServerThatItsCertificateAuthorityDidNotSign() {
        Map<String, String> env = onTlsServer("verify-full");
        env.put("AUTH_DB_TLS_CA", tlsServer.get("TLS_DB_OTHER_CA"));

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> AuthServer.start("db-tls-other-ca", env));

        assertTrue(refused.getMessage().contains("cannot connect"), refused::getMessage);
        assertTrue(refused.getMessage().contains("AUTH_DB_TLS_CA"), refused::getMessage);
    }

    @Test
    void trustEncryptsWithAnyCertificate() {
        try (AuthServer server = AuthServer.start("db-tls-trust", onTlsServer("trust"))) {
            Reply signup = Api.of(server).signup(Accounts.uniqueEmail(), Accounts.PASSWORD);

            assertEquals(201, signup.status(), signup::toString);
        }
    }

    @Test
    void aUrlWithoutTlsOptionsIsRefusedWhenTlsIsAskedFor() {
        Map<String, String> env =
                TestEnvironment.withTestSettings(TestEnvironment.database(TestEnvironment.freshDatabaseName()));
        env.put(
                "AUTH_DB_URL",
                "jdbc:mariadb://" + env.get("AUTH_DB_HOST") + ":" + env.get("AUTH_DB_PORT") + "/"
                        + env.get("AUTH_DB_NAME") + "?createDatabaseIfNotExist=true");
        env.put("AUTH_DB_TLS", "trust");

        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> AuthServer.start("db-tls-plain-url", env));

        assertTrue(refused.getMessage().contains("not encrypted"), refused::getMessage);
    }

    @Test
    void anUnknownSettingIsNamed() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> AuthServer.start("db-tls-unknown", onTlsServer("yes")));

        assertTrue(refused.getMessage().contains("AUTH_DB_TLS (auth.db.tls) is 'yes'"), refused::getMessage);
    }

    private static Map<String, String> onTlsServer(String tls) {
        Map<String, String> env = TestEnvironment.withTestSettings(Map.of());
        env.put("AUTH_DB", "mariadb");
        env.put("AUTH_DB_HOST", "localhost");
        env.put("AUTH_DB_PORT", tlsServer.get("TLS_DB_PORT"));
        env.put("AUTH_DB_USER", tlsServer.get("TLS_DB_USER"));
        env.put("AUTH_DB_PASSWORD", tlsServer.get("TLS_DB_PASSWORD"));
        env.put("AUTH_DB_NAME", TestEnvironment.freshDatabaseName());
        env.put("AUTH_DB_TLS", tls);
        return env;
    }

    private static String script(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(SCRIPT + " " + command + " failed:\n" + output);
        }
        return output;
    }
}
