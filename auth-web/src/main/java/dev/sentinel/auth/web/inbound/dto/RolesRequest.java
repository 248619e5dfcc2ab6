package dev.sentinel.auth.web.inbound.dto;

import dev.sentinel.auth.error.InvalidInputException;
import dev.sentinel.auth.user.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** PUT /api/admin/users/{id}/roles: the groups the account should have ("user" is always kept). */
public record RolesRequest(
        @Required @Schema(required = true, maxItems = RolesRequest.MOST)
        List<String> roles) {
    /** There are two groups; a longer list, repeats and all, is a client's mistake worth naming. */
    static final int MOST = 8;

    public Set<Role> toRoles() {
        if (roles.size() > MOST) {
            throw InvalidInputException.of("roles", "may name at most " + MOST + " groups");
        }
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
