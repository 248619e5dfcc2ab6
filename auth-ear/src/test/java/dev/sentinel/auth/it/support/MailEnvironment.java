package dev.sentinel.auth.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One auth server that sends mail to a real SMTP server (GreenMail over TCP), shared by the mail tests of a run
 * (on H2 with its files in a known folder, or on a MariaDB database of its own), so that they can also read
 * what the database stores.
 */
public final class MailEnvironment {
    private static MailServer smtp;
    private static AuthServer server;
    private static String database;
    private static Path outputDir;

    private MailEnvironment() {}

    public static synchronized AuthServer server() {
        if (server == null) {
            smtp = MailServer.onFreePort().start();
            database = TestEnvironment.onMariaDb() ? TestEnvironment.freshDatabaseName() : null;
            Map<String, String> env = TestEnvironment.database(database);
            env.putAll(smtp.environment());
            String name = "mail-" + System.getProperty("it.db", "h2");
            outputDir = TestEnvironment.workDir().resolve(name).resolve("output");
            env.put("WLP_OUTPUT_DIR", outputDir.toString());
            server = AuthServer.start(name, TestEnvironment.withTestSettings(env));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                smtp.close();
            }));
        }
        return server;
    }

    public static synchronized MailServer smtp() {
        server();
        return smtp;
    }

    /**
     * Everything the database of the mail server stores, as text: every row of the given tables on MariaDB; the
     * bytes of the H2 files (Latin-1) once {@code flushed} appears in them, since H2 writes in the background.
     */
    public static String storedText(List<String> tables, String flushed) throws Exception {
        server();
        return database == null ? h2Files(flushed) : mariaDbRows(tables);
    }

    private static String h2Files(String flushed) throws IOException {
        Path data = outputDir.resolve("authServer/data");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            text = readAll(data);
            if (text.contains(flushed)) {
                return text;
            }
            Pause.millis(250);
        }
        throw new AssertionError("'" + flushed + "' did not reach the H2 files under " + data);
    }

    private static String readAll(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static String mariaDbRows(List<String> tables) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection connection = TestEnvironment.connectToMariaDb(database);
                Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rows.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }
}
