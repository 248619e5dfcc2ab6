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
import java.util.concurrent.TimeUnit;

/**
 * One real server: the runnable Liberty jar that {@code mvn package} built (the EAR inside it), started as
 * its own process with its own ports, extraction folder and log, configured only by environment variables.
 */
public final class AuthServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final String name;
    private final int httpPort;
    private final Path workDir;
    private final Map<String, String> environment;
    private final int generation;
    private final Process process;

    private AuthServer(
            String name, int httpPort, Path workDir, Map<String, String> environment, int generation, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.workDir = workDir;
        this.environment = environment;
        this.generation = generation;
        this.process = process;
    }

    public static AuthServer start(String name, Map<String, String> environment) {
        try {
            Path workDir = Path.of(System.getProperty("it.work.dir", "target/it"))
                    .resolve(name)
                    .toAbsolutePath();
            deleteRecursively(workDir);
            Files.createDirectories(workDir);
            int httpPort = freePort();
            Map<String, String> env = new HashMap<>(environment);
            env.put("HTTP_PORT", String.valueOf(httpPort));
            env.put("HTTPS_PORT", String.valueOf(freePort()));
            return launch(name, httpPort, workDir, env, 1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start server " + name, e);
        }
    }

    /**
     * Stops this server cleanly and starts it again on the same port and configuration, as an operator would.
     * The runnable jar extracts itself afresh (it refuses an existing folder); what lasts across the restart is
     * whatever the environment puts outside that folder, such as WLP_OUTPUT_DIR.
     */
    public AuthServer restart() {
        close();
        return launch(name, httpPort, workDir, environment, generation + 1);
    }

    /** Stops this server cleanly and starts it again with some settings changed, as an operator edits server.env. */
    public AuthServer restartWith(Map<String, String> changes) {
        close();
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(changes);
        return launch(name, httpPort, workDir, env, generation + 1);
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
        return launch(name, httpPort, workDir, environment, generation + 1);
    }

    private static AuthServer launch(String name, int httpPort, Path workDir, Map<String, String> env, int generation) {
        try {
            Map<String, String> withExtraction = new HashMap<>(env);
            withExtraction.put(
                    "WLP_JAR_EXTRACT_DIR", extractDir(workDir, generation).toString());
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-jar", serverJar())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            workDir.resolve("console.log").toFile()));
            builder.environment().putAll(withExtraction);
            AuthServer server = new AuthServer(name, httpPort, workDir, env, generation, builder.start());
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start server " + name, e);
        }
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
        return environment.containsKey("WLP_OUTPUT_DIR")
                ? Path.of(environment.get("WLP_OUTPUT_DIR"), "authServer", "logs")
                : extractDir(workDir, generation).resolve("wlp/usr/servers/authServer/logs");
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

    private static Path extractDir(Path workDir, int generation) {
        return workDir.resolve(generation == 1 ? "server" : "server-" + generation);
    }

    static int freePort() throws IOException {
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
