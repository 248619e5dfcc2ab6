package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/** POST /api/admin/clients: a name for people, and the groups its tokens carry (none, "user", "admin"). */
public record ClientRequest(@NotNull String name, List<String> groups) {}
