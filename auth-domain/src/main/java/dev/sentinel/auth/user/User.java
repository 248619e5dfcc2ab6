package dev.sentinel.auth.user;

import dev.sentinel.auth.error.InvalidInputException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * An account. {@code credentialVersion} counts the password's replacements: a session remembers the version it
 * was opened with, so that one opened with a replaced password can be told apart and refused. A {@code disabled}
 * account keeps its data but gets no session; {@code lastLoginAt} is null until its first session.
 */
public record User(
        UUID id,
        Email email,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        Instant createdAt,
        int credentialVersion,
        boolean disabled,
        Instant lastLoginAt) {
    public static final int MAX_DISPLAY_NAME = 100;

    public User {
        roles = Set.copyOf(roles);
    }

    /** An enabled account that never logged in. */
    public User(
            UUID id,
            Email email,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Instant createdAt,
            int credentialVersion) {
        this(id, email, displayName, passwordHash, roles, createdAt, credentialVersion, false, null);
    }

    /** An account whose password was never replaced. */
    public User(UUID id, Email email, String displayName, String passwordHash, Set<Role> roles, Instant createdAt) {
        this(id, email, displayName, passwordHash, roles, createdAt, 0);
    }

    public static User register(Email email, String displayName, String passwordHash, Instant now) {
        return new User(
                UUID.randomUUID(),
                email,
                normaliseDisplayName(displayName),
                passwordHash,
                EnumSet.of(Role.USER),
                now.truncatedTo(ChronoUnit.MILLIS)); // the precision the store keeps
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** An administrator who can still log in: the last of them cannot be disabled, demoted or deleted. */
    public boolean isActiveAdmin() {
        return isAdmin() && !disabled;
    }

    public User withRoles(Set<Role> newRoles) {
        return new User(
                id, email, displayName, passwordHash, newRoles, createdAt, credentialVersion, disabled, lastLoginAt);
    }

    public User withDisabled(boolean nowDisabled) {
        return new User(
                id, email, displayName, passwordHash, roles, createdAt, credentialVersion, nowDisabled, lastLoginAt);
    }

    private static String normaliseDisplayName(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        String trimmed = displayName.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_DISPLAY_NAME) {
            throw InvalidInputException.of("displayName", "must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("displayName", "must not contain control characters");
        }
        return trimmed;
    }
}
