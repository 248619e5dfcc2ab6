package dev.sentinel.auth.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sentinel.auth.it.support.SharedServerTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The installed server, started as the README starts it, maps the class archive that its build wrote
 * (auth-ear/src/build/ClassArchiveTraining.java): a JVM that cannot use an archive it was given (another JDK, a
 * Java agent that adds to the boot class path) says so in its output and starts without it, slower.
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
}
