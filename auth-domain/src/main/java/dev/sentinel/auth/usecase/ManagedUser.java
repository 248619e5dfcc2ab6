package dev.sentinel.auth.usecase;

import dev.sentinel.auth.user.User;
import java.time.Instant;

/** An account as administrators see it: {@code lockedUntil} is the end of an account-wide lock, or null. */
public record ManagedUser(User user, boolean emailVerified, boolean mfaEnabled, Instant lockedUntil) {}
