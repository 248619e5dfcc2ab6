package dev.sentinel.auth.web.inbound.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PasswordResetConfirmation(
        @Required @Schema(required = true) String token,
        @Required @Schema(required = true) String newPassword) {
    @Override
    public String toString() {
        return "PasswordResetConfirmation[redacted]";
    }
}
