package dev.sentinel.auth.web.inbound.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** POST /api/admin/clients: a name for people, and the groups its tokens carry (none, "user", "admin"). */
public record ClientRequest(
        @Required @Schema(required = true) String name, List<String> groups) {}
