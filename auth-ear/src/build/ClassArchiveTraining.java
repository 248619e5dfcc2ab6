import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run by the build (auth-ear/pom.xml): starts the installed server once, on H2 in a new output folder of its own,
 * and stops it as soon as it is ready. That start also creates the server's HTTPS keystore and LTPA keys in its
 * configuration folder. The JVM writes the classes that start loaded to a
 * dynamic CDS archive (-XX:ArchiveClassesAtExit), and the server's jvm.options gets the line that maps it at every
 * later start: Liberty's and the application's classes then come parsed and verified from the archive instead of
 * from their jars (README, "JVM settings").
 *
 * <p>Usage: java ClassArchiveTraining.java WLP_DIR WORK_DIR
 */
public class ClassArchiveTraining {
    private static final String SERVER = "authServer";
    private static final String ARCHIVE = "classes.jsa";
    private static final Duration READY_DEADLINE = Duration.ofMinutes(5);
    private static final String ADDED = "\n# Added by the build (auth-ear/src/build/ClassArchiveTraining.java)";

    public static void main(String[] args) throws Exception {
        Path wlp = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        Path config = wlp.resolve("usr/servers/" + SERVER);
        // A first start, every build: it loads what a restart loads and more (alternated starts of servers with
        // either archive found no difference), and no database of an earlier build can stand in its way.
        Path output = work.resolve("output");
        deleteRecursively(output);
        Files.createDirectories(output);
        Path log = work.resolve("console.log");
        // Relative to the server's working directory (its output folder): a path with spaces cannot go through
        // JVM_ARGS, which the server script splits on them.
        Path written = output.resolve(SERVER).resolve(ARCHIVE);
        Files.deleteIfExists(written);

        // A JVM that maps a dynamic archive cannot write one: drop the line an earlier training added, if any.
        Path options = config.resolve("jvm.options");
        String settings = Files.readString(options, StandardCharsets.UTF_8);
        int added = settings.indexOf(ADDED);
        if (added >= 0) {
            Files.writeString(options, settings.substring(0, added), StandardCharsets.UTF_8);
        }

        keepKeystoreInConfiguration(config);

        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), "run", SERVER)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("WLP_OUTPUT_DIR", output.toString());
        builder.environment().put("HTTP_PORT", Integer.toString(port));
        builder.environment().put("HTTPS_PORT", Integer.toString(freePort()));
        builder.environment().put("AUTH_DB", "h2");
        // The JDK that runs the build (and its tests), and so, as a rule, the server: the server script takes
        // JAVA_HOME, else the java on the PATH, as Maven does.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // As the README runs it: Liberty's Java agent adds to the boot class path, and a JVM that has such an
        // addition writes and maps only the JDK's own classes.
        builder.environment().put("WLP_SKIP_BOOTSTRAP_AGENT", "true");
        // The archive lists, and warns about, every class it leaves out (not linked, generated): the log would be
        // thousands of lines of warnings that concern nobody.
        builder.environment().put("JVM_ARGS", "-XX:ArchiveClassesAtExit=" + ARCHIVE + " -Xlog:cds=error");
        System.out.println("[class archive] starting the installed server once (log: " + log + ")");
        Process server = builder.start();
        try {
            awaitReady(server, port, log);
        } finally {
            server.destroy(); // SIGTERM: the JVM exits normally and writes the archive on its way out
            if (!server.waitFor(2, TimeUnit.MINUTES)) {
                server.destroyForcibly();
                throw new IllegalStateException("the server did not stop within 2 minutes; see " + log);
            }
        }
        if (!Files.isRegularFile(written)) {
            throw new IllegalStateException("the JVM wrote no class archive; see " + log);
        }
        Path archive = Files.move(written, config.resolve(ARCHIVE), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                options,
                ADDED + ": the classes a start loads, as this JDK parsed them.\n-XX:SharedArchiveFile=" + archive
                        + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        System.out.printf("[class archive] %s: %d MiB%n", archive, Files.size(archive) >> 20);
    }

    /**
     * Liberty creates its HTTPS keystore and LTPA keys at a first start, in the output folder unless told otherwise
     * (server.xml, auth.keystore.dir). Pointed at the configuration folder, this start creates them where every
     * later start of the installed server finds them, whatever its output folder; the runnable jar, built before,
     * keeps Liberty's default. They get a password of their own, kept beside them in bootstrap.properties (which
     * Liberty reads before the environment): keys made here under AUTH_KEYSTORE_PASSWORD would not open once a
     * server started with another one. Keys of an earlier build are kept, with their password.
     */
    private static void keepKeystoreInConfiguration(Path config) throws IOException {
        Path bootstrap = config.resolve("bootstrap.properties");
        Path keys = config.resolve("resources/security");
        Optional<String> kept =
                Files.isRegularFile(keys.resolve("key.p12")) ? earlierPassword(bootstrap) : Optional.empty();
        if (kept.isEmpty()) { // keys made under a password nobody knows any more
            Files.deleteIfExists(keys.resolve("key.p12"));
            Files.deleteIfExists(keys.resolve("ltpa.keys"));
        }
        Files.writeString(
                bootstrap,
                "# Written by the build (auth-ear/src/build/ClassArchiveTraining.java), which created these keys.\n"
                        + "auth.keystore.dir=${server.config.dir}/resources/security\n"
                        + "auth.keystore.password=" + kept.orElseGet(ClassArchiveTraining::newPassword) + "\n",
                StandardCharsets.UTF_8);
        if (bootstrap.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(bootstrap, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** The build's clean-up keeps bootstrap.properties, as it keeps the keys. */
    private static Optional<String> earlierPassword(Path bootstrap) throws IOException {
        if (!Files.isRegularFile(bootstrap)) {
            return Optional.empty();
        }
        Properties earlier = new Properties();
        try (Reader reader = Files.newBufferedReader(bootstrap, StandardCharsets.UTF_8)) {
            earlier.load(reader);
        }
        return Optional.ofNullable(earlier.getProperty("auth.keystore.password"));
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void awaitReady(Process server, int port, Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(10))
                .build();
        Instant deadline = Instant.now().plus(READY_DEADLINE);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited before it was ready; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below (connection refused, or reset while the server starts)
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not ready within " + READY_DEADLINE + "; see " + log);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
