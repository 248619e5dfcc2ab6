package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.user.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** PUT /api/admin/users/{id}/roles: the groups the account should have ("user" is always kept). */
public record RolesRequest(@NotNull @Size(max = 8) List<@NotNull String> roles) {
    public Set<Role> toRoles() {
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        for (String group : roles) {
            try {
                parsed.add(Role.ofGroup(group));
            } catch (IllegalArgumentException unknown) {
                throw InvalidInputException.of("roles", "may name only \"user\" and \"admin\"");
            }
        }
        return parsed;
    }
}
