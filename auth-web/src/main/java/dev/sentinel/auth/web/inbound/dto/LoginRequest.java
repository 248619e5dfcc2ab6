package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LoginRequest(
        @Required @Schema(required = true) String email,
        @Required @Schema(required = true) String password) {
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
