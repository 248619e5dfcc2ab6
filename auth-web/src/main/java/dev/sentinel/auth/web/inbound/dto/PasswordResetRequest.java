package dev.sentinel.auth.web.inbound.dto;

import jakarta.validation.constraints.NotNull;

public record PasswordResetRequest(@NotNull String email) {}
