package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

public record RefreshRequest(@NotNull String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[redacted]";
    }
}
