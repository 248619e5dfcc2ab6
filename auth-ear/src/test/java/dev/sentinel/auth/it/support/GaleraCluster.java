package dev.sentinel.auth.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The three-node Galera cluster that {@code .ci/galera.sh start} runs on loopback (SQL ports 13306-13308),
 * for the {@code *GaleraIT} tests: environments that put a server on one node or on several, and a way to
 * crash and restart a node through the same script.
 */
public final class GaleraCluster {
    private GaleraCluster() {}

    /**
     * Environment for a server on the named database reached through the given nodes (1-3), in that order,
     * by AUTH_DB_URL with Connector/J's sequential failover, and with causal reads (wsrep_sync_wait=1: a read
     * on one node sees what another node committed before it), as the README recommends for Galera.
     */
    public static Map<String, String> database(String databaseName, int... nodes) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_DB", "mariadb");
        env.put("AUTH_DB_USER", user());
        env.put("AUTH_DB_PASSWORD", password());
        StringBuilder hosts = new StringBuilder();
        for (int node : nodes) {
            hosts.append(hosts.isEmpty() ? "" : ",").append("127.0.0.1:").append(port(node));
        }
        env.put(
                "AUTH_DB_URL",
                "jdbc:mariadb:sequential://" + hosts + "/" + databaseName
                        + "?createDatabaseIfNotExist=true&sessionVariables=wsrep_sync_wait=1");
        return env;
    }

    public static int port(int node) {
        return List.of(ports()).get(node - 1);
    }

    public static Connection connect(int node, String databaseName) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + port(node) + "/" + databaseName, user(), password());
    }

    /** kill -9 of the node's mariadbd, as a crash would. */
    public static void kill(int node) {
        script("kill", String.valueOf(node));
    }

    /** Brings a killed node back; returns once it is Synced with the others. */
    public static void restart(int node) {
        script("restart", String.valueOf(node));
    }

    private static Integer[] ports() {
        return Arrays.stream(setting("IT_GALERA_PORTS", "13306,13307,13308").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toArray(Integer[]::new);
    }

    private static String user() {
        return setting("IT_GALERA_USER", "sentinel");
    }

    /** From the environment, else the password file the script keeps beside the cluster. */
    private static String password() {
        String password = System.getenv("IT_GALERA_PASSWORD");
        if (password != null) {
            return password;
        }
        Path file = Path.of(setting("GALERA_DIR", "/tmp/sentinel-galera"), "password");
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no Galera cluster: run .ci/galera.sh start (" + file + ")", e);
        }
    }

    private static void script(String... arguments) {
        String script = System.getProperty("it.galera.script", "../.ci/galera.sh");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log()))
                    .start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "galera.sh " + String.join(" ", arguments) + " failed: " + Files.readString(log().toPath()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.io.File log() throws IOException {
        Files.createDirectories(TestEnvironment.workDir());
        return TestEnvironment.workDir().resolve("galera.log").toFile();
    }

    private static String setting(String envVar, String fallback) {
        String value = System.getenv(envVar);
        return value == null || value.isBlank() ? fallback : value;
    }
}
