package dev.sentinel.auth.user;

import dev.sentinel.auth.error.InvalidInputException;
import java.util.Locale;

/**
 * What NIST SP 800-63B advises: length rules, no common password, nothing derived from the account's own
 * email (ASVS 6.2.4, 6.2.11); compared exactly, never trimmed, no composition rules.
 */
public record PasswordPolicy(int minLength, int maxLength) {
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, 128);

    public void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw InvalidInputException.of(field, "must not be empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength || length > maxLength) {
            throw InvalidInputException.of(field, "must be between " + minLength + " and " + maxLength + " characters");
        }
        if (CommonPasswords.contains(password)) {
            throw InvalidInputException.of(field, "is one of the most common passwords: choose another");
        }
    }

    /** The rules of {@link #check(String, String)}, and not the email address nor its local part. */
    public void check(String field, String password, Email email) {
        check(field, password);
        String lower = password.toLowerCase(Locale.ROOT);
        String address = email.value();
        if (lower.equals(address) || lower.equals(address.substring(0, address.lastIndexOf('@')))) {
            throw InvalidInputException.of(field, "must not be the email address or its part before the @");
        }
    }
}
