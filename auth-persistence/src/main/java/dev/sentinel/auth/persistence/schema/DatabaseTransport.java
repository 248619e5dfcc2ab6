package dev.sentinel.auth.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * AUTH_DB_TLS: what the MariaDB connection must be. The kit's db/mariadb.xml turns it into Connector/J's sslMode
 * for the URL it builds, but an AUTH_DB_URL carries its own options and may have none; so the server itself is
 * asked whether the session is encrypted, before the first statement of the schema migration.
 */
enum DatabaseTransport {
    OFF("off"),
    TRUST("trust"),
    VERIFY_FULL("verify-full");

    /** Connector/J reports the URL it was given with its own spelling of the option (sslMode=VERIFY_FULL). */
    private static final Pattern ASKS_VERIFY_FULL = Pattern.compile("(?i)[?&]sslMode=verify[-_]full(&|$)");

    private final String setting;

    DatabaseTransport(String setting) {
        this.setting = setting;
    }

    static DatabaseTransport of(String setting) {
        String value = setting.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.setting.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "AUTH_DB_TLS (auth.db.tls) is '" + setting + "': use off, trust or verify-full"));
    }

    /** Throws when a MariaDB connection is less protected than this mode asks. */
    void require(Connection connection) throws SQLException {
        if (this == OFF) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet cipher = statement.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            if (!cipher.next()
                    || cipher.getString(2) == null
                    || cipher.getString(2).isBlank()) {
                throw refused("the connection to MariaDB is not encrypted");
            }
        }
        // the URL is only matched, never shown: it may hold a password
        if (this == VERIFY_FULL
                && !ASKS_VERIFY_FULL.matcher(connection.getMetaData().getURL()).find()) {
            throw refused("the data source's URL does not ask Connector/J to verify the server");
        }
    }

    private IllegalStateException refused(String why) {
        return new IllegalStateException("AUTH_DB_TLS is " + setting + ", but " + why
                + ": with AUTH_DB_URL, add sslMode=" + setting
                + " (and serverSslCert=<CA file> for a private CA) to the URL");
    }
}
