package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

public record EmailVerificationConfirmation(@NotNull String token) {
    @Override
    public String toString() {
        return "EmailVerificationConfirmation[redacted]";
    }
}
