package dev.sentinel.auth.it.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The servers the integration tests talk to. One shared server per test run (starting Liberty costs
 * seconds), on H2 or on MariaDB (-Dit.db=mariadb), trusting X-Forwarded-For from loopback so that each
 * test can act from IP addresses of its own and not share rate-limit buckets with the others.
 */
public final class TestEnvironment {
    public static final String ADMIN_EMAIL = "admin@it.example";
    public static final String ADMIN_PASSWORD = "admin-password-for-it";
    /** Short, so that tests of the window and of lockout do not wait long. */
    public static final int REUSE_WINDOW_SECONDS = 2;

    public static final int LOCKOUT_SECONDS = 4;

    private static AuthServer shared;
    private static String sharedDatabase;

    private TestEnvironment() {}

    public static boolean onMariaDb() {
        return "mariadb".equalsIgnoreCase(System.getProperty("it.db", "h2"));
    }

    public static synchronized AuthServer sharedServer() {
        if (shared == null) {
            sharedDatabase = onMariaDb() ? freshDatabaseName() : null;
            Map<String, String> env = database(sharedDatabase);
            env.put("AUTH_SIGNING_KEY_FILE", TestKeys.signingKeyFile().toString());
            shared = AuthServer.start("shared-" + System.getProperty("it.db", "h2"), withTestSettings(env));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** The MariaDB database of the shared server (null on H2), for tests that inspect stored rows. */
    public static synchronized String sharedDatabaseName() {
        sharedServer();
        return sharedDatabase;
    }

    /** A connection to a MariaDB database the servers use, or with an empty name to the database server. */
    public static Connection connectToMariaDb(String databaseName) throws SQLException {
        Map<String, String> env = database(databaseName);
        return DriverManager.getConnection(
                "jdbc:mariadb://" + env.get("AUTH_DB_HOST") + ":" + env.get("AUTH_DB_PORT") + "/" + databaseName,
                env.get("AUTH_DB_USER"),
                env.get("AUTH_DB_PASSWORD"));
    }

    /** The settings every test server shares; callers add the database and anything else. */
    public static Map<String, String> withTestSettings(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("AUTH_ADMIN_EMAIL", ADMIN_EMAIL);
        all.put("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
        all.put("AUTH_TRUSTED_PROXIES", "127.0.0.0/8,::1/128");
        all.put("AUTH_REFRESH_TOKEN_REUSE_WINDOW", "PT" + REUSE_WINDOW_SECONDS + "S");
        all.put("AUTH_LOCKOUT_DURATION", "PT" + LOCKOUT_SECONDS + "S");
        all.put("AUTH_EVENTS_LOG_FORMAT", "json");
        return all;
    }

    /** The test settings for a server of its own: on H2, or on a fresh MariaDB database (-Dit.db=mariadb). */
    public static Map<String, String> ownServerSettings() {
        return withTestSettings(database(onMariaDb() ? freshDatabaseName() : null));
    }

    /** Stops servers a test class started, in the order given; those that never started are null. */
    public static void stopAll(AutoCloseable... servers) {
        for (AutoCloseable server : servers) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot stop " + server, e);
                }
            }
        }
    }

    /** Environment for a server on H2 (databaseName null) or on the named MariaDB database. */
    public static Map<String, String> database(String databaseName) {
        Map<String, String> env = new HashMap<>();
        if (databaseName == null) {
            env.put("AUTH_DB", "h2");
            return env;
        }
        env.put("AUTH_DB", "mariadb");
        env.put("AUTH_DB_HOST", setting("it.db.host", "IT_DB_HOST", "127.0.0.1"));
        env.put("AUTH_DB_PORT", setting("it.db.port", "IT_DB_PORT", "3306"));
        env.put("AUTH_DB_USER", setting("it.db.user", "IT_DB_USER", "root"));
        env.put("AUTH_DB_PASSWORD", setting("it.db.password", "IT_DB_PASSWORD", ""));
        env.put("AUTH_DB_NAME", databaseName);
        return env;
    }

    /** A database of its own for each run, so that runs never see each other's rows. */
    public static String freshDatabaseName() {
        return "auth_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static Path workDir() {
        return Path.of(System.getProperty("it.work.dir", "target/it")).toAbsolutePath();
    }

    private static String setting(String property, String envVar, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(envVar);
        }
        return value == null ? fallback : value;
    }
}
