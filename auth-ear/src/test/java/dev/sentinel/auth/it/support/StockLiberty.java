package dev.sentinel.auth.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A stock Open Liberty as an operator has it: the runtime zip from Maven Central unpacked afresh, one server made
 * by {@code server create}, started and stopped with {@code bin/server}. Nothing of this project is in it until a
 * test puts it there.
 */
public final class StockLiberty {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /** A messages.log line of level E (error): "[date] thread logger E CODE: text". */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\[[^\\]]+\\] \\S+ \\S+\\s+E .*$");

    private final Path wlp;
    private final String serverName;
    private final int httpPort;

    private StockLiberty(Path wlp, String serverName, int httpPort) {
        this.wlp = wlp;
        this.serverName = serverName;
        this.httpPort = httpPort;
    }

    /**
     * Unpacks the runtime zip into {@code dir} and creates a server there; its ports are moved to free ones, as any
     * operator's server has ports of its own.
     */
    public static StockLiberty create(Path runtimeZip, Path dir, String serverName) throws IOException {
        deleteRecursively(dir);
        unzip(runtimeZip, dir);
        StockLiberty liberty = new StockLiberty(dir.resolve("wlp"), serverName, AuthServer.freePort());
        liberty.bin("create", serverName);
        Path serverXml = liberty.serverDir().resolve("server.xml");
        String stock = Files.readString(serverXml);
        Files.writeString(
                serverXml,
                stock.replace("httpPort=\"9080\"", "httpPort=\"" + liberty.httpPort + "\"")
                        .replace("httpsPort=\"9443\"", "httpsPort=\"" + AuthServer.freePort() + "\""));
        return liberty;
    }

    public Path serverDir() {
        return wlp.resolve("usr/servers").resolve(serverName);
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public int httpPort() {
        return httpPort;
    }

    /** Runs a shell script (a README block) with the given environment, in the given folder; fails unless it exits 0. */
    public static String runScript(String script, Path workingDir, Map<String, String> environment) {
        return run(List.of("sh", "-euc", script), workingDir, environment, true);
    }

    /**
     * {@code bin/server start --clean}: as the README says after a change of server.env, since Liberty may otherwise
     * keep configuration resolved at the previous start in its workarea.
     */
    public void start() {
        bin("start", serverName, "--clean");
    }

    /** Waits until the application is ready; fails with the log's tail when it cannot start. */
    public void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (messages().contains("CWWKZ0002E")) {
                throw new IllegalStateException("the application did not start:\n" + tail(messages()));
            }
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(250);
        }
        throw new IllegalStateException("not ready in " + START_TIMEOUT + ":\n" + tail(messages()));
    }

    /** Waits until Liberty reports that the application failed to start, and answers that message. */
    public String awaitApplicationFailure() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Matcher failure = Pattern.compile("(?m)^.*CWWKZ0002E.*$").matcher(messages());
            if (failure.find()) {
                return failure.group();
            }
            if (messages().contains("CWWKZ0001I")) {
                throw new IllegalStateException("the application started:\n" + tail(messages()));
            }
            Pause.millis(250);
        }
        throw new IllegalStateException("no outcome in " + START_TIMEOUT + ":\n" + tail(messages()));
    }

    public void stop() {
        bin("stop", serverName);
    }

    /** {@code bin/server status} answers 0 only while the server runs. */
    public void stopIfRunning() {
        if (run(List.of(wlp.resolve("bin/server").toString(), "status", serverName), wlp, Map.of(), false) != null) {
            stop();
        }
    }

    /** The server's messages.log, cleared by {@link #clearLogs()}. */
    public String messages() {
        Path log = serverDir().resolve("logs/messages.log");
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public List<String> errorLines() {
        List<String> errors = new ArrayList<>();
        Matcher matcher = ERROR_LINE.matcher(messages());
        while (matcher.find()) {
            errors.add(matcher.group());
        }
        return errors;
    }

    public void clearLogs() throws IOException {
        deleteRecursively(serverDir().resolve("logs"));
    }

    private void bin(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(wlp.resolve("bin/server").toString());
        command.addAll(List.of(arguments));
        run(command, wlp, Map.of(), true);
    }

    /** The command's output; on a non-zero exit a failure, or null when {@code mustSucceed} is false. */
    private static String run(
            List<String> command, Path workingDir, Map<String, String> environment, boolean mustSucceed) {
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                if (!mustSucceed) {
                    return null;
                }
                throw new IllegalStateException(command + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(command + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Java's own unzip, so that CI needs no unzip tool; the scripts in bin/ get their execute bit back. */
    private static void unzip(Path zip, Path dir) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(archive.entries())) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (entry.getName().startsWith("wlp/bin/")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
