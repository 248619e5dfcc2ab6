package dev.sentinel.auth.user;

import java.time.Instant;

/**
 * A page of the user list, ordered by email. {@code emailContains} (lower case) and {@code status} are null for
 * "any"; {@code afterEmail} is where the previous page ended. {@code lockKeyPrefix} and {@code now} tell the store
 * how to find account-wide locks (the lockout counter of an address is that prefix followed by it).
 */
public record UserSearch(
        String emailContains, UserStatus status, String afterEmail, int limit, String lockKeyPrefix, Instant now) {
    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;
}
