package dev.sentinel.auth.user;

import dev.sentinel.auth.error.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that comparisons ignore case. */
public record Email(String value) {
    public static final int MAX_LENGTH = 254; // RFC 5321 path limit
    private static final Pattern SHAPE = Pattern.compile(
            "^[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]+@[^@\\s\\p{Cc}\\p{Cf}\\p{Z}.]+(\\.[^@\\s\\p{Cc}\\p{Cf}\\p{Z}.]+)*$");

    public Email {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("email", "must not be blank");
        }
        value = normalise(value);
        if (value.length() > MAX_LENGTH) {
            throw InvalidInputException.of("email", "must be at most " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(value).matches()) {
            throw InvalidInputException.of("email", "must be a valid email address");
        }
    }

    /** The form addresses are compared in; also for naming an address that is not valid in an auth event. */
    public static String normalise(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
