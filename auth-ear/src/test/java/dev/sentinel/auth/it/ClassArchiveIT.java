package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.AuthServer;
import dev.sentinel.auth.it.support.SelfSignedHttps;
import dev.sentinel.auth.it.support.SharedServerTest;
import dev.sentinel.auth.it.support.TestEnvironment;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The installed server, started as the README starts it, uses what its build's start of it left
 * (auth-ear/src/build/ClassArchiveTraining.java): the class archive, which a JVM that cannot use it (another JDK, a
 * Java agent that adds to the boot class path) reports in its output and starts without, slower; and the HTTPS
 * keystore and LTPA keys, which a server that finds none creates at start, seconds before it is ready.
 */
class ClassArchiveIT extends SharedServerTest {
    @Test
    void theServerMapsTheClassArchiveOfItsBuild() throws IOException {
        String maps = Files.readString(Path.of("/proc", Long.toString(server.pid()), "maps"));

        assertTrue(
                maps.lines().anyMatch(line -> line.endsWith("/usr/servers/authServer/classes.jsa")),
                "no mapping of the server's classes.jsa in /proc/" + server.pid() + "/maps");
        String logs = server.logs();
        assertFalse(logs.contains("[cds"), "the JVM reported a problem with the class archive");
        assertFalse(logs.contains("Sharing is only supported"), "a Java agent kept the archive's classes unused");
    }

    @Test
    void theServerUsesTheKeystoreAndLtpaKeysOfItsBuild() {
        String logs = server.logs();

        assertFalse(logs.contains("CWPKI0802I"), "the server created an HTTPS certificate at its start");
        assertFalse(logs.contains("CWWKS4103I"), "the server created LTPA keys at its start");
        assertTrue(
                logs.contains("/usr/servers/authServer/resources/security/key.p12"),
                "the server did not load the keystore in its configuration folder");
    }

    /** The build made the keys under a password of its own; a server told another one still opens them. */
    @Test
    void aKeystorePasswordInTheEnvironmentDoesNotLockTheServerOutOfItsKeys() throws Exception {
        Map<String, String> env = TestEnvironment.withTestSettings(
                TestEnvironment.database(TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null));
        env.put("AUTH_KEYSTORE_PASSWORD", "an-operator-password");
        try (AuthServer other = AuthServer.start("keystore-password-" + System.getProperty("it.db", "h2"), env)) {
            String logs = other.logs();
            assertFalse(logs.contains("CWPKI0033E"), "the keystore did not open");
            assertFalse(logs.contains("CWWKS4106E"), "the LTPA keys did not open");
            HttpResponse<String> jwks = SelfSignedHttps.client()
                    .send(
                            HttpRequest.newBuilder(other.httpsUri().resolve("/api/auth/jwks"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, jwks.statusCode(), "the HTTPS port does not answer");
        }
    }
}
