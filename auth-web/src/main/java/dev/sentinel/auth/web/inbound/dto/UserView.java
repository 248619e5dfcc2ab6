package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.user.Role;
import dev.sentinel.auth.user.User;
import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

@JsonbNillable
public record UserView(
        String id,
        String email,
        String displayName,
        List<String> roles,
        String createdAt,
        boolean emailVerified,
        boolean mfaEnabled) {
    public static UserView of(User user, boolean emailVerified, boolean mfaEnabled) {
        return new UserView(
                user.id().toString(),
                user.email().value(),
                user.displayName(),
                user.roles().stream().map(Role::group).sorted().toList(),
                user.createdAt().toString(),
                emailVerified,
                mfaEnabled);
    }
}
