package dev.sentinel.auth.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One real server, started as its own process with its own ports, output folder and log, configured only by
 * environment variables: the minified Liberty that {@code mvn package} lays out (the README's run command),
 * or the runnable jar it is unpacked from.
 */
public final class AuthServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final String SERVER_NAME = "authServer";

    /** How the server is started. */
    private enum Launch {
        INSTALLED,
        RUNNABLE_JAR
    }

    /** A workarea a server filled at its first start, copied into the output folder of every other one. */
    private static Path warmWorkarea;

    private final String name;
    private final int httpPort;
    private final Path workDir;
    private final Map<String, String> environment;
    private final Launch launch;
    private final int generation;
    private final Process process;

    private AuthServer(
            String name,
            int httpPort,
            Path workDir,
            Map<String, String> environment,
            Launch launch,
            int generation,
            Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.workDir = workDir;
        this.environment = environment;
        this.launch = launch;
        this.generation = generation;
        this.process = process;
    }

    /**
     * The installed server with an output folder of its own (WLP_OUTPUT_DIR, unless the environment names one):
     * logs, keys and the H2 database live there and last across {@link #restart()}.
     */
    public static AuthServer start(String name, Map<String, String> environment) {
        return start(name, environment, Launch.INSTALLED);
    }

    /**
     * The runnable jar: it extracts itself into a new folder at every start (it refuses an existing one), so what
     * lasts across a restart is whatever the environment puts outside that folder, such as WLP_OUTPUT_DIR.
     */
    public static AuthServer startRunnableJar(String name, Map<String, String> environment) {
        return start(name, environment, Launch.RUNNABLE_JAR);
    }

    private static AuthServer start(String name, Map<String, String> environment, Launch launch) {
        try {
            Path workDir = emptyWorkDir(name);
            int httpPort = freePort();
            Map<String, String> env = withPorts(environment, httpPort);
            if (launch == Launch.INSTALLED) {
                env.putIfAbsent("WLP_OUTPUT_DIR", workDir.resolve("output").toString());
                seedWorkarea(Path.of(env.get("WLP_OUTPUT_DIR")));
            }
            return launch(name, httpPort, workDir, env, launch, 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start server " + name, e);
        }
    }

    /** Stops this server cleanly and starts it again on the same port and configuration, as an operator would. */
    public AuthServer restart() {
        close();
        return launch(name, httpPort, workDir, environment, launch, generation + 1);
    }

    /** Stops this server cleanly and starts it again with some settings changed, as an operator edits server.env. */
    public AuthServer restartWith(Map<String, String> changes) {
        close();
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(changes);
        return launch(name, httpPort, workDir, env, launch, generation + 1);
    }

    /**
     * kill -9 of the server, as a crash of the JVM or the machine: no shutdown, nothing flushed. Then starts
     * it again on the same port and configuration.
     */
    public AuthServer crashAndRestart() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL on Linux
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return launch(name, httpPort, workDir, environment, launch, generation + 1);
    }

    private static AuthServer launch(
            String name, int httpPort, Path workDir, Map<String, String> env, Launch launch, int generation) {
        try {
            ProcessBuilder builder = (launch == Launch.INSTALLED
                            ? new ProcessBuilder("bash", installedServerScript().toString(), "run", SERVER_NAME)
                            : new ProcessBuilder(javaExecutable(), "-Xmx512m", "-jar", serverJar()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            workDir.resolve("console.log").toFile()));
            builder.environment().putAll(env);
            if (launch == Launch.INSTALLED) {
                // the JVM settings are the server's own jvm.options, as the README recommends them, and the
                // README's command runs it with bash and without Liberty's Java agent (the class archive needs it so)
                builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
                builder.environment().putIfAbsent("WLP_SKIP_BOOTSTRAP_AGENT", "true");
            } else {
                builder.environment()
                        .put(
                                "WLP_JAR_EXTRACT_DIR",
                                extractDir(workDir, generation).toString());
            }
            AuthServer server = new AuthServer(name, httpPort, workDir, env, launch, generation, builder.start());
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start server " + name, e);
        }
    }

    /**
     * Liberty keeps the OSGi framework it resolved in the server's workarea; without one it resolves every
     * bundle afresh, seconds of work. So the first server of a test run fills a workarea once, and every server
     * starts from a copy of it, as every restart of an installed server does.
     */
    private static synchronized void seedWorkarea(Path outputDir) throws IOException {
        Path workarea = outputDir.resolve(SERVER_NAME).resolve("workarea");
        if (Files.exists(workarea)) {
            return;
        }
        if (warmWorkarea == null) {
            String name = "workarea-template";
            Path workDir = emptyWorkDir(name);
            int httpPort = freePort();
            Map<String, String> env = withPorts(TestEnvironment.database(null), httpPort);
            env.put("WLP_OUTPUT_DIR", workDir.resolve("output").toString());
            launch(name, httpPort, workDir, env, Launch.INSTALLED, 1).close();
            warmWorkarea = workDir.resolve("output").resolve(SERVER_NAME).resolve("workarea");
        }
        copyRecursively(warmWorkarea, workarea);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The HTTPS port, with the self-signed certificate Liberty made for it. */
    public URI httpsUri() {
        return URI.create("https://127.0.0.1:" + environment.get("HTTPS_PORT"));
    }

    public String name() {
        return name;
    }

    /** The server's JVM: Liberty's script replaces itself with it ("server run" execs java). */
    public long pid() {
        return process.pid();
    }

    /** Everything the server wrote: console output plus Liberty's messages.log, for secret scans. */
    public String logs() {
        StringBuilder all = new StringBuilder();
        appendIfExists(all, workDir.resolve("console.log"));
        Path logsDir = logsDirectory();
        appendIfExists(all, logsDir.resolve("messages.log"));
        appendIfExists(all, logsDir.resolve("trace.log"));
        return all.toString();
    }

    /** Liberty's logs folder: messages.log, and ffdc/ with the incident files. */
    public Path logsDirectory() {
        return outputDirectory().resolve("logs");
    }

    /** Liberty's output folder of this server: logs, workarea, keys and the H2 database ({@code data}). */
    public Path outputDirectory() {
        return environment.containsKey("WLP_OUTPUT_DIR")
                ? Path.of(environment.get("WLP_OUTPUT_DIR"), SERVER_NAME)
                : extractDir(workDir, generation).resolve("wlp/usr/servers").resolve(SERVER_NAME);
    }

    /** The incident files Liberty wrote so far, with their contents. */
    public Map<String, String> ffdcFiles() {
        Path ffdc = logsDirectory().resolve("ffdc");
        if (!Files.isDirectory(ffdc)) {
            return Map.of();
        }
        try (var files = Files.list(ffdc)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return contents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " exited at start:\n" + tail(logs()));
            }
            if (logs().contains("CWWKZ0002E")) { // the application failed to start: waiting cannot help
                close();
                throw new IllegalStateException(
                        "server " + name + " could not start the application:\n" + tail(logs()));
            }
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> started = client.send(
                        HttpRequest.newBuilder(baseUri().resolve("/health/started"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && started.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("server " + name + " not ready in " + START_TIMEOUT + ":\n" + tail(logs()));
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: Liberty stops cleanly and flushes queued auth events
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path emptyWorkDir(String name) throws IOException {
        Path workDir = TestEnvironment.workDir().resolve(name);
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        return workDir;
    }

    private static Map<String, String> withPorts(Map<String, String> environment, int httpPort) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.put("HTTP_PORT", String.valueOf(httpPort));
        env.put("HTTPS_PORT", String.valueOf(freePort()));
        return env;
    }

    /** Copies a workarea without its lock and command-port files, which belong to the server that made them. */
    private static void copyRecursively(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path relative = from.relativize(path);
                if (relative.startsWith(".sLock") || relative.startsWith(".sCommandAuth")) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to.resolve(relative.toString()));
                } else {
                    Files.copy(path, to.resolve(relative.toString()));
                }
            }
        }
    }

    private static Path installedServerScript() {
        Path script = Path.of(System.getProperty("it.server.install", "target/server/wlp"), "bin", "server");
        if (!Files.exists(script)) {
            throw new IllegalStateException("no installed server at " + script + ": run mvn package first");
        }
        return script;
    }

    private static Path extractDir(Path workDir, int generation) {
        return workDir.resolve(generation == 1 ? "server" : "server-" + generation);
    }

    /**
     * A port that is free now, below Linux's ephemeral range (32768 and up): a port the system hands out (as
     * ServerSocket(0) does) may be given to a client connection in the seconds before Liberty binds it, and the
     * server then starts without its HTTP endpoint (CWWKO0221E; seen once in CI).
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException taken) {
                // another try below
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String serverJar() {
        String jar = System.getProperty("it.server.jar", "target/auth-server.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("no runnable server at " + jar + ": run mvn package first");
        }
        return jar;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void appendIfExists(StringBuilder all, Path file) {
        try {
            if (Files.exists(file)) {
                all.append(Files.readString(file)).append('\n');
            }
        } catch (IOException e) {
            all.append("(unreadable ").append(file).append(")\n");
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
