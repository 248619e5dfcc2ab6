package dev.sentinel.auth.user;

import dev.sentinel.auth.error.InvalidInputException;

/** Length rules only, as NIST SP 800-63B advises; compared exactly, never trimmed. */
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
    }
}
