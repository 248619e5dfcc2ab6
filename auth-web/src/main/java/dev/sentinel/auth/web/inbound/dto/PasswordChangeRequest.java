package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PasswordChangeRequest(
        @Required @Schema(required = true) String currentPassword,
        @Required @Schema(required = true) String newPassword) {
    @Override
    public String toString() {
        return "PasswordChangeRequest[redacted]";
    }
}
