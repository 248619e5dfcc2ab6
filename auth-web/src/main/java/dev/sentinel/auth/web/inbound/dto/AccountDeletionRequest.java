package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

public record AccountDeletionRequest(@NotNull String currentPassword) {
    @Override
    public String toString() {
        return "AccountDeletionRequest[redacted]";
    }
}
