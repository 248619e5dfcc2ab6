package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

public record PasswordResetConfirmation(
        @NotNull String token, @NotNull String newPassword) {
    @Override
    public String toString() {
        return "PasswordResetConfirmation[redacted]";
    }
}
