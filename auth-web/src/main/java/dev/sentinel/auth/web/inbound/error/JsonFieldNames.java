package dev.sentinel.auth.web.inbound.error;

import java.util.Locale;

/** The domain and the request records name fields as Java does (displayName); the wire as JSON does (display_name). */
final class JsonFieldNames {
    private JsonFieldNames() {}

    static String of(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
