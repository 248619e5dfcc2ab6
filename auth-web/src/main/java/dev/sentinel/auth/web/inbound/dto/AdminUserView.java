package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.usecase.ManagedUser;
import dev.sentinel.auth.user.User;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.List;

/**
 * The user object plus what administrators need (docs/api.md "The admin user view"). The nullable fields are
 * written as null; {@code sessions} only in the answer about one account.
 */
public record AdminUserView(
        String id,
        String email,
        @JsonbNillable String displayName,
        List<String> roles,
        String createdAt,
        boolean emailVerified,
        boolean mfaEnabled,
        boolean disabled,
        @JsonbNillable String lockedUntil,
        @JsonbNillable String lastLoginAt,
        List<SessionView> sessions) {
    public static AdminUserView of(ManagedUser managed) {
        User user = managed.user();
        UserView base = UserView.of(user, managed.emailVerified(), managed.mfaEnabled());
        return new AdminUserView(
                base.id(),
                base.email(),
                base.displayName(),
                base.roles(),
                base.createdAt(),
                base.emailVerified(),
                base.mfaEnabled(),
                user.disabled(),
                text(managed.lockedUntil()),
                text(user.lastLoginAt()),
                null);
    }

    public AdminUserView withSessions(List<SessionView> live) {
        return new AdminUserView(
                id,
                email,
                displayName,
                roles,
                createdAt,
                emailVerified,
                mfaEnabled,
                disabled,
                lockedUntil,
                lastLoginAt,
                live);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
