package dev.sentinel.auth.usecase;

import dev.sentinel.auth.error.InvalidInputException;
import java.util.Locale;

/** Which sessions a logout ends: the caller's, all of the user's, or all but the caller's. */
public enum LogoutScope {
    LOCAL,
    GLOBAL,
    OTHERS;

    public static LogoutScope parse(String scope) {
        if (scope == null) {
            return LOCAL;
        }
        try {
            return valueOf(scope.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("scope", "must be one of local, global, others");
        }
    }
}
